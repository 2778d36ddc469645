import {
  CloudEvent,
  DeadlineBreached,
  DeadlineBreachedV1,
  JobAssigned,
  JobAssignedV1,
  JobCompleted,
  JobCompletedV1,
  JobOffered,
  JobOfferedV1,
  JobOnSite,
  JobProviderCancelled,
  JobReassigned,
  JobReassignedV1,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
  OfferFactV1,
  OfferWithdrawn,
  OfferWithdrawnV1,
  ProviderJobFactV1,
} from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { enqueueWebhook } from '../webhooks/webhook-enqueue';
import { payloads } from '../webhooks/webhook-payloads';
import { JobFactsService, JobRef } from './job-facts.service';
import { unitsOnly } from './units-only';

const ref = (f: ProviderJobFactV1, unitId = f.providerId): JobRef => ({
  requestId: f.requestId,
  unitId,
  orgPath: f.orgPath,
  categoryCode: f.categoryCode,
});
/** A job's assignment (or reassignment) is known by its request and when it was made. */
const assignment = (e: CloudEvent<JobAssignedV1>) => ({
  factKey: `${e.data.requestId}@${new Date(e.data.at).toISOString()}`,
  time: e.time,
});
const offer = (e: CloudEvent<OfferFactV1>) => ({ factKey: e.data.offerId, time: e.time });

/** Dispatch's facts about our units' offers and jobs: webhooks to the unit, and inputs to its credit. */
@Controller()
export class DispatchEventsHandler {
  constructor(private readonly jobs: JobFactsService) {}

  @OnEvent(JobOffered, unitsOnly)
  async offered(@Payload() e: CloudEvent<JobOfferedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const o = e.data;
    if (!(await this.jobs.isOurs(ctx.manager, o.providerId, o.providerKind))) return;
    const before = await this.jobs.offer(ctx, o.offerId, ref(o), 'open', o.feePolicy);
    // An offer already withdrawn, accepted or expired (its later fact came first) is not announced.
    if (before === undefined) await enqueueWebhook(ctx.manager, o.providerId, 'job.offered', payloads.offered(o), offer(e));
  }

  @OnEvent(OfferWithdrawn, unitsOnly)
  async withdrawn(@Payload() e: CloudEvent<OfferWithdrawnV1>, @Ctx() ctx: EventContext): Promise<void> {
    const o = e.data;
    if (!(await this.jobs.isOurs(ctx.manager, o.providerId, o.providerKind))) return;
    const before = await this.jobs.offer(ctx, o.offerId, ref(o), 'withdrawn');
    if (before === 'open') await enqueueWebhook(ctx.manager, o.providerId, 'offer.withdrawn', payloads.withdrawn(o), offer(e));
  }

  @OnEvent(OfferAccepted, unitsOnly)
  accepted(@Payload() e: CloudEvent<OfferFactV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.resolveOffer(e.data, 'accepted', ctx);
  }

  @OnEvent(OfferDeclined, unitsOnly)
  declined(@Payload() e: CloudEvent<OfferFactV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.resolveOffer(e.data, 'declined', ctx);
  }

  @OnEvent(OfferExpired, unitsOnly)
  expired(@Payload() e: CloudEvent<OfferFactV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.resolveOffer(e.data, 'expired', ctx);
  }

  @OnEvent(JobAssigned, unitsOnly)
  async assigned(@Payload() e: CloudEvent<JobAssignedV1>, @Ctx() ctx: EventContext): Promise<void> {
    await this.assign(e, ctx);
  }

  /** The new holder is told it has the job; the previous one that it no longer does. */
  @OnEvent(JobReassigned)
  async reassigned(@Payload() e: CloudEvent<JobReassignedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const a = e.data;
    const previous = ref(a, a.previousProviderId);
    // Not when the previous holder was given the job back since (this fact came again, late).
    if (
      (await this.jobs.isOurs(ctx.manager, a.previousProviderId)) &&
      !(await this.jobs.assignedSince(ctx.manager, previous, new Date(a.at)))
    ) {
      await this.jobs.job(ctx, previous, { holding: false });
      await enqueueWebhook(
        ctx.manager,
        a.previousProviderId,
        'job.cancelled',
        payloads.cancelled(a.requestId, 'reassigned'),
        assignment(e),
      );
    }
    await this.assign(e, ctx);
  }

  @OnEvent(JobOnSite, unitsOnly)
  async onSite(@Payload() e: CloudEvent<ProviderJobFactV1>, @Ctx() ctx: EventContext): Promise<void> {
    if (!(await this.jobs.isOurs(ctx.manager, e.data.providerId, e.data.providerKind))) return;
    await this.jobs.job(ctx, ref(e.data), { on_site_at: new Date(e.data.at) });
  }

  @OnEvent(JobCompleted, unitsOnly)
  async completed(@Payload() e: CloudEvent<JobCompletedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const c = e.data;
    if (!(await this.jobs.isOurs(ctx.manager, c.providerId, c.providerKind))) return;
    await this.jobs.job(ctx, ref(c), { holding: false, completed_at: new Date(c.at), price_charged_fen: c.priceChargedFen });
  }

  @OnEvent(JobProviderCancelled, unitsOnly)
  async providerCancelled(@Payload() e: CloudEvent<ProviderJobFactV1>, @Ctx() ctx: EventContext): Promise<void> {
    if (!(await this.jobs.isOurs(ctx.manager, e.data.providerId, e.data.providerKind))) return;
    await this.jobs.job(ctx, ref(e.data), { holding: false });
  }

  @OnEvent(DeadlineBreached)
  async breached(@Payload() e: CloudEvent<DeadlineBreachedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const b = e.data;
    if (!b.providerId || !(await this.jobs.isOurs(ctx.manager, b.providerId))) return;
    await this.jobs.job(
      ctx,
      { requestId: b.requestId, unitId: b.providerId, orgPath: b.orgPath, categoryCode: b.categoryCode },
      { deadline_breached: true },
    );
  }

  private async resolveOffer(o: OfferFactV1, status: string, ctx: EventContext): Promise<void> {
    if (!(await this.jobs.isOurs(ctx.manager, o.providerId, o.providerKind))) return;
    await this.jobs.offer(ctx, o.offerId, ref(o), status);
  }

  private async assign(e: CloudEvent<JobAssignedV1>, ctx: EventContext): Promise<void> {
    const a = e.data;
    if (!(await this.jobs.isOurs(ctx.manager, a.providerId, a.providerKind))) return;
    if (await this.jobs.isCancelled(ctx.manager, ref(a))) return;
    // The same assignment again (under a new event id), or an older one: the unit already knows,
    // and the job may since have been completed or taken away.
    if (await this.jobs.assignedSince(ctx.manager, ref(a), new Date(a.at))) return;
    await this.jobs.job(ctx, ref(a), { holding: true, assigned_at: new Date(a.at) });
    await enqueueWebhook(ctx.manager, a.providerId, 'job.assigned', payloads.assigned(a), assignment(e));
  }
}
