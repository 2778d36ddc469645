import {
  CloudEvent,
  JobOffered,
  JobOfferedV1,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
  OfferFactV1,
  OfferWithdrawn,
} from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { volunteersOnly } from '../app/volunteers-only';
import { OfferView } from './offer-view.entity';

/**
 * Keeps the offers made to volunteers so the app can list them; accepting and declining are
 * dispatch's own API. A job's facts share its partition, so they arrive in order; a status only
 * moves on from `open`, so a late duplicate cannot reopen an answered offer.
 */
@Controller()
export class DispatchEventsHandler {
  @OnEvent(JobOffered, volunteersOnly)
  async offered(@Payload() e: CloudEvent<JobOfferedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const o = e.data;
    await ctx.manager
      .createQueryBuilder()
      .insert()
      .into(OfferView)
      .values({
        offerId: o.offerId,
        requestId: o.requestId,
        volunteerId: o.providerId,
        orgPath: o.orgPath,
        categoryCode: o.categoryCode,
        urgency: o.urgency,
        feePolicy: o.feePolicy,
        summary: o.summary ?? null,
        status: 'open',
        expiresAt: new Date(o.expiresAt),
        updatedAt: new Date(o.at),
      })
      .orIgnore()
      .execute();
  }

  @OnEvent(OfferAccepted, volunteersOnly)
  accepted(@Payload() e: CloudEvent<OfferFactV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.close(e, ctx, 'accepted');
  }

  @OnEvent(OfferDeclined, volunteersOnly)
  declined(@Payload() e: CloudEvent<OfferFactV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.close(e, ctx, 'declined');
  }

  @OnEvent(OfferExpired, volunteersOnly)
  expired(@Payload() e: CloudEvent<OfferFactV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.close(e, ctx, 'expired');
  }

  @OnEvent(OfferWithdrawn, volunteersOnly)
  withdrawn(@Payload() e: CloudEvent<OfferFactV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.close(e, ctx, 'withdrawn');
  }

  private async close(e: CloudEvent<OfferFactV1>, ctx: EventContext, status: string): Promise<void> {
    await ctx.manager.update(OfferView, { offerId: e.data.offerId, status: 'open' }, { status, updatedAt: new Date(e.data.at) });
  }
}
