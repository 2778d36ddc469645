import {
  CloudEvent,
  RequestCancelled,
  RequestCancelledV1,
  RequestReopened,
  RequestReopenedV1,
  RequestSignedOff,
  RequestSignedOffV1,
} from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { enqueueWebhook } from '../webhooks/webhook-enqueue';
import { payloads } from '../webhooks/webhook-payloads';
import { JobFactsService } from './job-facts.service';
import { unitsOnly } from './units-only';

/** The resident's side of the story: cancellations (webhook to the unit holding the job), sign-off and redo (credit). */
@Controller()
export class RequestEventsHandler {
  constructor(private readonly jobs: JobFactsService) {}

  @OnEvent(RequestCancelled)
  async cancelled(@Payload() e: CloudEvent<RequestCancelledV1>, @Ctx() ctx: EventContext): Promise<void> {
    const r = e.data;
    const holders = await this.jobs.holding(ctx.manager, r.requestId);
    await ctx.manager.query('UPDATE unit_job SET holding = false, cancelled_at = $2 WHERE request_id = $1', [r.requestId, new Date(r.at)]);
    for (const { unit_id } of holders) {
      await enqueueWebhook(ctx.manager, unit_id, 'job.cancelled', payloads.cancelled(r.requestId, r.by), {
        factKey: `${r.requestId}@${new Date(r.at).toISOString()}`,
        time: e.time,
      });
    }
  }

  @OnEvent(RequestSignedOff, unitsOnly)
  async signedOff(@Payload() e: CloudEvent<RequestSignedOffV1>, @Ctx() ctx: EventContext): Promise<void> {
    const s = e.data;
    if (!(await this.jobs.isOurs(ctx.manager, s.providerId, s.providerKind))) return;
    const finished = new Date(s.completedAt ?? s.at);
    await this.jobs.job(
      ctx,
      { requestId: s.requestId, unitId: s.providerId, orgPath: s.orgPath, categoryCode: s.categoryCode },
      { holding: false, signed_off_at: new Date(s.at), fee_policy: s.feePolicy, finished_on_time: finished <= new Date(s.resolutionDueAt) },
    );
  }

  @OnEvent(RequestReopened)
  async reopened(@Payload() e: CloudEvent<RequestReopenedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const r = e.data;
    if (!r.previousProviderId || !(await this.jobs.isOurs(ctx.manager, r.previousProviderId))) return;
    await this.jobs.redo(
      ctx,
      { requestId: r.requestId, unitId: r.previousProviderId, orgPath: r.orgPath, categoryCode: r.categoryCode },
      new Date(r.at),
    );
  }
}
