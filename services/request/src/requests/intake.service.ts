import { likePrefix } from '@bangbang/auth';
import { coarseLocation, RequestAnswered, RequestCreatedV2Event } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Like } from 'typeorm';
import type { Actor } from '../access';
import { deadlinesFor } from '../catalogue/deadlines';
import { linkCall } from '../calls/call-link';
import { CatalogueService } from '../catalogue/catalogue.service';
import { FeeEligibility } from '../eligibility/fee-eligibility.entity';
import { feePolicyAt } from '../eligibility/fee-rules';
import { Household } from '../households/household.entity';
import { Resident } from '../households/resident.entity';
import { once } from '../idempotency/idempotency-key';
import { decide } from '../lifecycle/request-state';
import { MESSAGE_SEALER, MessageSealer } from '../notifications/message-sealer';
import { enqueueNotification } from '../notifications/notification-queue';
import { CreateRequestDto } from './request.dto';
import { requestNumber } from './request-number';
import { requestView, RequestView } from './request-view';
import { Channel, ServiceRequest, TimelineEntry } from './service-request.entity';

export interface IntakeContext {
  actor: Actor;
  /** Households outside this subtree do not exist for the caller. */
  scopeOrgPath: string;
  channel: Channel;
  open311ClientId?: string;
  /** Answers to the category's extra questions, already checked against its attributes (Open311). */
  attributes?: Record<string, string | string[]>;
  /** The caller's Idempotency-Key, scoped to the caller. */
  idempotencyKey?: string;
}

export interface IntakeResult {
  view: RequestView;
  replayed: boolean;
}

/** Front desk (前台受理): one transaction takes the request, fixes fee and deadlines, and hands it on. */
@Injectable()
export class IntakeService {
  constructor(
    private readonly ds: DataSource,
    private readonly catalogue: CatalogueService,
    @Inject(MESSAGE_SEALER) private readonly sealer: MessageSealer,
  ) {}

  async create(dto: CreateRequestDto, ctx: IntakeContext): Promise<IntakeResult> {
    const { answer, replayed } = await this.ds.transaction((m) =>
      once(m, ctx.actor.id, { key: ctx.idempotencyKey }, dto, () => this.intake(m, dto, ctx)),
    );
    return { view: answer, replayed };
  }

  /** Intake inside the caller's transaction, for a channel that must commit more with it (online booking). */
  async intake(m: EntityManager, dto: CreateRequestDto, ctx: IntakeContext): Promise<RequestView> {
    const household = await m.findOneBy(Household, { id: dto.householdId, orgPath: Like(likePrefix(ctx.scopeOrgPath)) });
    if (!household) throw new NotFoundException(`householdId: no household ${dto.householdId} in your scope`);
    if (dto.residentId && !(await m.existsBy(Resident, { id: dto.residentId, householdId: household.id }))) {
      throw new BadRequestException(`residentId: ${dto.residentId} does not live in household ${household.id}`);
    }
    if (dto.callId) await linkCall(m, dto.callId, household, ctx.scopeOrgPath);
    const category = await this.catalogue.forIntake(m, dto.categoryCode, household.communityCode);
    if (dto.answer && category.kind !== 'consultation') {
      throw new BadRequestException(`answer: ${category.code} is a home service; only a consultation is answered at intake`);
    }
    const window = dto.preferredWindow && { from: new Date(dto.preferredWindow.from), to: new Date(dto.preferredWindow.to) };
    if (window && window.to <= window.from) throw new BadRequestException('preferredWindow.to must be after preferredWindow.from');

    const receivedAt = new Date();
    const grants = await m.findBy(FeeEligibility, { householdId: household.id, revokedAt: IsNull() });
    const urgency = dto.urgency ?? category.urgency;
    const due = deadlinesFor(urgency, receivedAt);
    const [{ n }] = await m.query<[{ n: string }]>(`SELECT nextval('service_request_number_seq') AS n`);
    const r = m.create(ServiceRequest, {
      id: randomUUID(),
      number: requestNumber(receivedAt, Number(n)),
      householdId: household.id,
      residentId: dto.residentId ?? null,
      communityCode: household.communityCode,
      orgPath: household.orgPath,
      categoryCode: category.code,
      kind: category.kind,
      urgency,
      feePolicy: feePolicyAt(grants, receivedAt),
      description: dto.description.trim(),
      channel: ctx.channel,
      open311ClientId: ctx.open311ClientId ?? null,
      attributes: ctx.attributes ?? {},
      preferredFrom: window?.from ?? null,
      preferredTo: window?.to ?? null,
      chosenProviderId: dto.chosenProviderId ?? null,
      callId: dto.callId ?? null,
      status: 'received' as const,
      reopenCount: 0,
      responseDueAt: due.responseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      receivedAt,
      updatedAt: receivedAt,
    });
    // Taken and handed on (or answered) in one go: the row is written once, in its final stage.
    const action = dto.answer ? 'answer' : 'publish';
    const next = decide('received', action, { now: receivedAt });
    if (!next.ok) throw new ConflictException(next.reason);
    r.status = next.to;
    if (dto.answer) Object.assign(r, { answer: dto.answer.trim(), closedAt: receivedAt });
    await m.insert(ServiceRequest, r);
    const entry = { requestId: r.id, at: receivedAt, actorKind: ctx.actor.kind, actorId: ctx.actor.id };
    await m.insert(TimelineEntry, [
      { ...entry, action: 'receive', fromStatus: null, toStatus: 'received', note: ctx.channel },
      { ...entry, action, fromStatus: 'received', toStatus: next.to, note: dto.answer ? 'answered at intake' : null },
    ]);

    if (dto.answer) {
      await writeToOutbox(m, RequestAnswered, {
        subject: r.id,
        data: { requestId: r.id, orgPath: r.orgPath, categoryCode: r.categoryCode, at: receivedAt.toISOString(), answeredBy: ctx.actor.id },
      });
    } else {
      // Every consumer and every provider offered the job learns these facts: the assigned one reads
      // the address and the resident's words over the API, audited.
      await writeToOutbox(m, RequestCreatedV2Event, {
        subject: r.id,
        data: {
          requestId: r.id,
          number: r.number,
          communityId: r.communityCode,
          orgPath: r.orgPath,
          categoryCode: r.categoryCode,
          kind: r.kind,
          urgency: r.urgency,
          feePolicy: r.feePolicy,
          responseDueAt: r.responseDueAt.toISOString(),
          resolutionDueAt: r.resolutionDueAt.toISOString(),
          ...(household.lat !== null && household.lng !== null && { location: coarseLocation({ lat: household.lat, lng: household.lng }) }),
          ...(window && { preferredWindow: { from: window.from.toISOString(), to: window.to.toISOString() } }),
          ...(r.chosenProviderId && { chosenProviderId: r.chosenProviderId }),
          receivedAt: receivedAt.toISOString(),
        },
      });
    }
    await enqueueNotification(m, this.sealer, r, 'intake', { categoryName: category.nameZh });
    return requestView(r, household);
  }
}
