import {
  CloudEvent,
  MerchantProviderProfile,
  ProviderProfileV1,
  ProviderQuality,
  ProviderQualityV1,
  VolunteerProviderProfile,
} from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { endOffersOfInactive, upsertProfile, upsertQuality } from './provider-view';

/** Builds the provider view from the owners' snapshots; versions make it order-proof. */
@Controller()
export class ProviderEventsHandler {
  @OnEvent(MerchantProviderProfile)
  async onMerchantProfile(@Payload() e: CloudEvent<ProviderProfileV1>, @Ctx() ctx: EventContext): Promise<void> {
    await upsertProfile(ctx.manager, e.data);
    await endOffersOfInactive(ctx.manager, e.data.providerId);
  }

  @OnEvent(VolunteerProviderProfile)
  async onVolunteerProfile(@Payload() e: CloudEvent<ProviderProfileV1>, @Ctx() ctx: EventContext): Promise<void> {
    await upsertProfile(ctx.manager, e.data);
    await endOffersOfInactive(ctx.manager, e.data.providerId);
  }

  @OnEvent(ProviderQuality)
  async onQuality(@Payload() e: CloudEvent<ProviderQualityV1>, @Ctx() ctx: EventContext): Promise<void> {
    await upsertQuality(ctx.manager, e.data);
  }
}
