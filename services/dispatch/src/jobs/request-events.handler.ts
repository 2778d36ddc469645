import {
  CloudEvent,
  coarseLocation,
  RequestCancelled,
  RequestCancelledV1,
  RequestCreated,
  RequestCreatedV1,
  RequestCreatedV2,
  RequestCreatedV2Event,
  RequestReopened,
  RequestReopenedV1,
  RequestSignedOff,
  RequestSignedOffV1,
} from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Clocks } from '../clocks/clocks';
import { reservationsIn } from '../providers/reservations';
import { Dispatcher } from './dispatcher';
import { canMove } from './job-state';

/**
 * The request's story as dispatch follows it. One request's events share a key and so arrive in
 * order; a fact that no longer fits the job's state (a repeat, or one overtaken) changes nothing.
 */
@Controller()
export class RequestEventsHandler {
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly clocks: Clocks,
  ) {}

  @OnEvent(RequestCreatedV2Event)
  async onCreated(@Payload() e: CloudEvent<RequestCreatedV2>, @Ctx() ctx: EventContext): Promise<void> {
    if (e.data.kind === 'consultation') return;
    await this.dispatcher.open(ctx.manager, e.data, e.correlationid, new Date(), reservationsIn(ctx));
  }

  /** Still on the topic from before v2: its words and exact position are dropped, as v2 never has them. */
  @OnEvent(RequestCreated)
  async onCreatedV1(@Payload() e: CloudEvent<RequestCreatedV1>, @Ctx() ctx: EventContext): Promise<void> {
    if (e.data.kind === 'consultation') return;
    const facts: RequestCreatedV2 & { summary?: string } = { ...e.data, location: e.data.location && coarseLocation(e.data.location) };
    delete facts.summary;
    await this.dispatcher.open(ctx.manager, facts, e.correlationid, new Date(), reservationsIn(ctx));
  }

  @OnEvent(RequestCancelled)
  async onCancelled(@Payload() e: CloudEvent<RequestCancelledV1>, @Ctx() ctx: EventContext): Promise<void> {
    const m = ctx.manager;
    const now = new Date();
    const job = await this.dispatcher.find(m, e.data.requestId);
    if (!job || !canMove(job.state, 'cancelled')) return;
    await this.dispatcher.withdrawOpen(m, job, 'cancelled', now);
    await this.clocks.stopAll(m, job.requestId);
    await this.dispatcher.patch(m, job, { state: 'cancelled' }, now);
  }

  @OnEvent(RequestSignedOff)
  async onSignedOff(@Payload() e: CloudEvent<RequestSignedOffV1>, @Ctx() ctx: EventContext): Promise<void> {
    const m = ctx.manager;
    const now = new Date();
    const job = await this.dispatcher.find(m, e.data.requestId);
    if (!job || !canMove(job.state, 'signed_off')) return;
    await this.dispatcher.withdrawOpen(m, job, 'cancelled', now);
    await this.clocks.stopAll(m, job.requestId);
    await this.dispatcher.patch(m, job, { state: 'signed_off' }, now);
  }

  /** Redo: a new round of offers, the provider whose work is redone asked first. */
  @OnEvent(RequestReopened)
  async onReopened(@Payload() e: CloudEvent<RequestReopenedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const m = ctx.manager;
    const now = new Date();
    const job = await this.dispatcher.find(m, e.data.requestId);
    if (!job || (job.state !== 'signed_off' && job.state !== 'completed')) return;
    const previous = e.data.previousProviderId ?? job.providerId;
    await this.dispatcher.patch(
      m,
      job,
      {
        state: 'offering',
        round: job.round + 1,
        level: 'community',
        preferredProviderId: previous,
        previousProviderId: previous,
        providerId: null,
        providerKind: null,
        providerName: null,
        assignedAt: null,
        onSiteAt: null,
        completedAt: null,
      },
      now,
    );
    await this.dispatcher.fill(m, job, now, reservationsIn(ctx));
  }
}
