import { CloudEvent, ProviderQuality, ProviderQualityV1, RatingAmended, RatingSubmitted, RatingSubmittedV1 } from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CreditService } from '../credit/credit.service';
import { enqueueWebhook } from '../webhooks/webhook-enqueue';
import { payloads } from '../webhooks/webhook-payloads';
import { JobFactsService } from './job-facts.service';
import { unitsOnly } from './units-only';

/** Residents' ratings of our units: a webhook to the unit, and satisfaction and complaints for its credit. */
@Controller()
export class RatingEventsHandler {
  constructor(
    private readonly jobs: JobFactsService,
    private readonly credit: CreditService,
  ) {}

  @OnEvent(RatingSubmitted, unitsOnly)
  submitted(@Payload() e: CloudEvent<RatingSubmittedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.rated(e, ctx);
  }

  @OnEvent(RatingAmended, unitsOnly)
  amended(@Payload() e: CloudEvent<RatingSubmittedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.rated(e, ctx);
  }

  @OnEvent(ProviderQuality, unitsOnly)
  async quality(@Payload() e: CloudEvent<ProviderQualityV1>, @Ctx() ctx: EventContext): Promise<void> {
    if (!(await this.jobs.isOurs(ctx.manager, e.data.providerId, e.data.providerKind))) return;
    this.credit.qualityReceived(ctx, e.data);
  }

  /** An older revision arriving after a newer one changes nothing and is not announced. */
  private async rated(e: CloudEvent<RatingSubmittedV1>, ctx: EventContext): Promise<void> {
    const r = e.data;
    if (!(await this.jobs.isOurs(ctx.manager, r.providerId, r.providerKind))) return;
    const job = { requestId: r.requestId, unitId: r.providerId, orgPath: r.orgPath, categoryCode: r.categoryCode };
    if (await this.jobs.rating(ctx, job, r.provider, r.solved, r.revision, r.ratedAt)) {
      await enqueueWebhook(ctx.manager, r.providerId, 'rating.received', payloads.rating(r), {
        factKey: `${r.ratingId}#${r.revision}`,
        time: e.time,
      });
    }
  }
}
