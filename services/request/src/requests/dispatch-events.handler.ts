import {
  CloudEvent,
  JobAssigned,
  JobAssignedV1,
  JobCompleted,
  JobCompletedV1,
  JobEscalated,
  JobEscalatedV1,
  JobFactV1,
  JobOnSite,
  JobProviderCancelled,
  JobReassigned,
  JobReassignedV1,
  ProviderCancelledV1,
  ProviderJobFactV1,
  RedoRequested,
  RedoRequestedV1,
} from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { getLogger } from '@bangbang/observability';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { systemActor } from '../access';
import { RequestAction } from '../lifecycle/request-state';
import { MESSAGE_SEALER, MessageSealer } from '../notifications/message-sealer';
import { enqueueNotification } from '../notifications/notification-queue';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';
import { issueSignOffCode } from '../sign-off/sign-off-codes';
import { reopenRequest } from './requests.service';
import { ServiceRequest } from './service-request.entity';
import { lockRequest, move, saveLocked } from './transitions';

const dispatch = systemActor('dispatch');

/**
 * Dispatch's facts move the request along. Each event applies once (inbox); beyond that a fact
 * that no longer fits (older than one already applied, or for a stage already left) is ignored
 * rather than failed, so replays and late arrivals change nothing.
 */
@Controller()
export class DispatchEventsHandler {
  private readonly log = getLogger('dispatch-events');

  constructor(
    @Inject(REQUEST_CONFIG) private readonly config: RequestConfig,
    @Inject(MESSAGE_SEALER) private readonly sealer: MessageSealer,
  ) {}

  @OnEvent(JobAssigned)
  onAssigned(@Payload() e: CloudEvent<JobAssignedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(ctx, e, 'assign', async (r) => {
      this.holdBy(r, e.data);
      await enqueueNotification(ctx.manager, this.sealer, r, 'assigned', { providerName: e.data.providerName });
    });
  }

  @OnEvent(JobReassigned)
  async onReassigned(@Payload() e: CloudEvent<JobReassignedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const r = await lockRequest(ctx.manager, e.data.requestId);
    const action: RequestAction = r && ['dispatching', 'escalated'].includes(r.status) ? 'assign' : 'reassign';
    return this.apply(
      ctx,
      e,
      action,
      async (req) => {
        this.holdBy(req, e.data);
        await enqueueNotification(ctx.manager, this.sealer, req, 'assigned', { providerName: e.data.providerName });
      },
      `from ${e.data.previousProviderId}`,
    );
  }

  @OnEvent(JobEscalated)
  onEscalated(@Payload() e: CloudEvent<JobEscalatedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(
      ctx,
      e,
      'escalate',
      async (r) => {
        r.escalationLevel = e.data.level;
      },
      `${e.data.level}: ${e.data.reason}`,
    );
  }

  @OnEvent(JobOnSite)
  onOnSite(@Payload() e: CloudEvent<ProviderJobFactV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(ctx, e, 'arrive', async (r) => {
      r.arrivedAt = new Date(e.data.at);
    });
  }

  @OnEvent(JobCompleted)
  onCompleted(@Payload() e: CloudEvent<JobCompletedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(
      ctx,
      e,
      'complete',
      async (r) => {
        r.completedAt = new Date(e.data.at);
        r.priceChargedFen = e.data.priceChargedFen;
        await enqueueNotification(ctx.manager, this.sealer, r, 'completed');
        await issueSignOffCode(ctx.manager, this.sealer, r, this.config.SIGN_OFF_CODE_TTL_HOURS, { resend: false });
      },
      e.data.notes,
    );
  }

  @OnEvent(JobProviderCancelled)
  onProviderCancelled(@Payload() e: CloudEvent<ProviderCancelledV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(
      ctx,
      e,
      'provider_cancel',
      async (r) => {
        Object.assign(r, { providerId: null, providerKind: null, providerName: null, assignedAt: null, arrivedAt: null });
      },
      e.data.reason,
    );
  }

  /** The resident told the rating service the problem is not fixed: redo within the window. */
  @OnEvent(RedoRequested)
  async onRedoRequested(@Payload() e: CloudEvent<RedoRequestedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const r = await lockRequest(ctx.manager, e.data.requestId);
    const at = new Date(e.data.at);
    if (!r || this.stale(r, at, e)) return;
    if (!(await reopenRequest(ctx.manager, r, systemActor('rating'), e.data.reason, at, false))) {
      this.log.info({ requestId: r.id, status: r.status, eventId: e.id }, 'redo request not applicable; ignored');
      return;
    }
    r.lastFactAt = at;
    await saveLocked(ctx.manager, r);
  }

  private holdBy(r: ServiceRequest, d: JobAssignedV1): void {
    Object.assign(r, {
      providerId: d.providerId,
      providerKind: d.providerKind,
      providerName: d.providerName,
      assignedAt: new Date(d.at),
      arrivedAt: null,
    });
  }

  private async apply(
    ctx: EventContext,
    e: CloudEvent<JobFactV1>,
    action: RequestAction,
    effect: (r: ServiceRequest) => Promise<void>,
    note?: string,
  ): Promise<void> {
    const r = await lockRequest(ctx.manager, e.data.requestId);
    const at = new Date(e.data.at);
    if (!r || this.stale(r, at, e)) return;
    const decision = move(r, action, dispatch, { at, note });
    if (!decision.ok) {
      this.log.info({ requestId: r.id, eventId: e.id, type: e.type, reason: decision.reason }, 'dispatch fact does not apply; ignored');
      return;
    }
    await effect(r);
    r.lastFactAt = at;
    await saveLocked(ctx.manager, r);
  }

  private stale(r: ServiceRequest | null, at: Date, e: CloudEvent): boolean {
    if (!r) return true;
    if (r.lastFactAt && at < r.lastFactAt) {
      this.log.info({ requestId: r.id, eventId: e.id, type: e.type }, 'fact older than one already applied; ignored');
      return true;
    }
    return false;
  }
}
