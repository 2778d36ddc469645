import { AuditOrigin, likePrefix, Principal, recordAudit, scopedRepository } from '@bangbang/auth';
import { AuditRecorded, nationalFormat, RequestCancelled, RequestReopened, RequestSignedOff } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import {
  ConflictException,
  ForbiddenException,
  GoneException,
  HttpException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In, Like, Raw } from 'typeorm';
import { Actor, actorOf } from '../access';
import { Household } from '../households/household.entity';
import { MESSAGE_SEALER, MessageSealer } from '../notifications/message-sealer';
import { enqueueNotification } from '../notifications/notification-queue';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';
import { hashRatingToken, newRatingToken, ratingLink } from '../sign-off/rating-link';
import { checkSignOffCode, limitedUntil, MAX_WRONG_CODES, withinWindow, wrongTriesLeft } from '../sign-off/sign-off-code';
import { SignOffCode } from '../sign-off/sign-off-code.entity';
import { issueSignOffCode, SignOffLimitReached } from '../sign-off/sign-off-codes';
import { CancelDto, FollowUpDto, ListRequestsQuery, ReopenDto, SignOffDto } from './request.dto';
import { requestView, RequestView } from './request-view';
import { ServiceRequest, TimelineEntry } from './service-request.entity';
import { factOf, lockRequest, move, moveOrConflict, saveLocked } from './transitions';

const LIST_LIMIT = 200;

export class VisitContact {
  address: string;
  name: string | null;
  phones: string[];
}
const PROVIDER_KINDS = ['merchant', 'volunteer'];

export class CodeSent {
  sent: true;
}

@Injectable()
export class RequestsService {
  constructor(
    private readonly ds: DataSource,
    @Inject(REQUEST_CONFIG) private readonly config: RequestConfig,
    @Inject(MESSAGE_SEALER) private readonly sealer: MessageSealer,
  ) {}

  async list(p: Principal, q: ListRequestsQuery): Promise<RequestView[]> {
    const where: FindOptionsWhere<ServiceRequest> = {};
    if (q.status) where.status = q.status;
    if (q.community) where.communityCode = q.community;
    if (q.provisional) {
      const op = q.provisional === 'true' ? 'IN' : 'NOT IN';
      where.householdId = Raw((column) => `${column} ${op} (SELECT id FROM household WHERE provisional)`);
    }
    const rows = await scopedRepository(this.ds.manager, ServiceRequest, p).find({
      where,
      order: { receivedAt: 'DESC' },
      take: LIST_LIMIT,
    });
    const provisional = new Set(
      rows.length
        ? (
            await this.ds.manager.find(Household, {
              select: { id: true },
              where: { id: In([...new Set(rows.map((r) => r.householdId))]), provisional: true },
            })
          ).map((h) => h.id)
        : [],
    );
    return rows.map((r) => requestView(r, { address: null, provisional: provisional.has(r.householdId) }));
  }

  /**
   * Staff see requests in their scope; a provider sees only the jobs assigned to it. A change reads
   * its answer in its own transaction (`m`): were the read to fail after the commit, the caller
   * would be told 503, nothing was changed, and its repeat refused as a double.
   */
  async get(p: Principal, id: string, m: EntityManager = this.ds.manager): Promise<RequestView> {
    const r = PROVIDER_KINDS.includes(p.kind)
      ? await m.findOneBy(ServiceRequest, { id, providerId: p.id })
      : await scopedRepository(m, ServiceRequest, p).findOne({ id });
    if (!r) throw new NotFoundException(`request ${id} not found`);
    const [household, timeline] = await Promise.all([
      m.findOneByOrFail(Household, { id: r.householdId }),
      m.find(TimelineEntry, { where: { requestId: id }, order: { id: 'ASC' } }),
    ]);
    return requestView(r, household, timeline);
  }

  /**
   * The assigned provider needs the address and a number to visit, while the job is theirs and no
   * longer; every such read is audited.
   */
  async contactForVisit(p: Principal, id: string, origin: AuditOrigin): Promise<VisitContact> {
    if (!PROVIDER_KINDS.includes(p.kind)) throw new ForbiddenException('only the assigned provider reads the visit contact');
    const r = await this.ds.manager.findOneBy(ServiceRequest, { id, providerId: p.id });
    if (!r) throw new NotFoundException(`request ${id} not found`);
    if (!['assigned', 'on_site'].includes(r.status))
      throw new ConflictException(`the visit contact is shown only while the job is assigned or on site; it is ${r.status}`);
    const household = await this.ds.manager.findOneByOrFail(Household, { id: r.householdId });
    const [resident]: Array<{ name: string; phones: string[] }> = await this.ds.query(
      `SELECT r.name, array_agg(p.phone ORDER BY p.phone) AS phones FROM resident r JOIN resident_phone p ON p.resident_id = r.id
        WHERE r.household_id = $1 GROUP BY r.id, r.name, r.created_at ORDER BY (r.id = $2) DESC NULLS LAST, r.created_at LIMIT 1`,
      [r.householdId, r.residentId],
    );
    await recordAudit(
      this.ds.manager,
      AuditRecorded.request,
      p,
      { action: 'request.contact-read', resourceType: 'request', resourceId: id, purpose: 'home visit' },
      origin,
    );
    return { address: household.address, name: resident?.name ?? null, phones: (resident?.phones ?? []).map(nationalFormat) };
  }

  cancel(p: Principal, id: string, dto: CancelDto, origin: AuditOrigin): Promise<RequestView> {
    return this.inScope(p, id, async (m, r) => {
      const at = new Date();
      moveOrConflict(r, 'cancel', actorOf(p), { at, note: `${dto.by}: ${dto.reason}` });
      r.cancelReason = dto.reason;
      r.closedAt = at;
      await writeToOutbox(m, RequestCancelled, { subject: r.id, data: { ...factOf(r, at), by: dto.by, reason: dto.reason } });
      await recordAudit(m, AuditRecorded.request, p, { action: 'request.cancelled', resourceType: 'request', resourceId: r.id }, origin);
    });
  }

  reopen(p: Principal, id: string, dto: ReopenDto, origin: AuditOrigin): Promise<RequestView> {
    return this.inScope(p, id, async (m, r) => {
      await reopenRequest(m, r, actorOf(p), dto.reason, new Date(), true);
      await recordAudit(m, AuditRecorded.request, p, { action: 'request.reopened', resourceType: 'request', resourceId: r.id }, origin);
    });
  }

  /** The agent's follow-up call (回访) stands in for the resident's signature. */
  followUp(p: Principal, id: string, dto: FollowUpDto, origin: AuditOrigin): Promise<RequestView> {
    return this.inScope(p, id, async (m, r) => {
      await signOff(m, r, actorOf(p), 'follow_up', dto.solved, this.sealer, this.config.RATING_LINK_BASE_URL, dto.note);
      await recordAudit(m, AuditRecorded.request, p, { action: 'request.signed-off', resourceType: 'request', resourceId: r.id }, origin);
    });
  }

  /**
   * The assigned provider submits the resident's code. A wrong code is recorded against the
   * request (not the code), so the record is committed before the refusal is returned.
   */
  async signOffWithCode(p: Principal, id: string, dto: SignOffDto): Promise<RequestView> {
    if (!PROVIDER_KINDS.includes(p.kind)) throw new ForbiddenException('only the assigned provider submits the sign-off code');
    const outcome = await this.ds.transaction(async (m): Promise<{ refusal: HttpException } | { view: RequestView }> => {
      const r = await lockRequest(m, id);
      if (!r || r.providerId !== p.id) throw new NotFoundException(`request ${id} not found`);
      if (r.status !== 'completed')
        throw new ConflictException(`cannot sign off a request that is ${r.status}: the job must be reported completed first`);
      const stored = await m.findOneBy(SignOffCode, { requestId: id });
      if (!stored) throw new ConflictException('no sign-off code was issued; ask for a new one');
      const now = new Date();
      const check = checkSignOffCode(stored, id, dto.code, now);
      if (check === 'locked') return { refusal: SignOffLimitReached.wrongCodes(limitedUntil(stored.wrongAt, MAX_WRONG_CODES, now)!) };
      if (check === 'used') return { refusal: new ConflictException('code: already used; ask for a new code') };
      if (check === 'expired') return { refusal: new GoneException('code: expired; ask for a new code') };
      if (check === 'wrong') {
        stored.wrongAt = [...withinWindow(stored.wrongAt, now), now];
        await m.save(stored);
        const left = wrongTriesLeft(stored, now);
        return { refusal: new UnprocessableEntityException(`code: wrong code, ${left} ${left === 1 ? 'try' : 'tries'} left`) };
      }
      stored.usedAt = now;
      await m.save(stored);
      await signOff(m, r, actorOf(p), 'code', dto.solved, this.sealer, this.config.RATING_LINK_BASE_URL);
      await saveLocked(m, r);
      return { view: await this.get({ ...p }, id, m) };
    });
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.view;
  }

  /** A new code (the old one expired or was lost), sent to the resident again, within the limits. */
  async resendCode(p: Principal, id: string): Promise<CodeSent> {
    await this.ds.transaction(async (m) => {
      const r = await lockRequest(m, id);
      const visible = r && (PROVIDER_KINDS.includes(p.kind) ? r.providerId === p.id : r.orgPath.startsWith(p.orgPath));
      if (!r || !visible) throw new NotFoundException(`request ${id} not found`);
      if (r.status !== 'completed')
        throw new ConflictException(
          `cannot send a sign-off code for a request that is ${r.status}: the job must be reported completed first`,
        );
      await issueSignOffCode(m, this.sealer, r, this.config.SIGN_OFF_CODE_TTL_HOURS, { resend: true });
    });
    return { sent: true };
  }

  private inScope(p: Principal, id: string, change: (m: EntityManager, r: ServiceRequest) => Promise<void>): Promise<RequestView> {
    return this.ds.transaction(async (m) => {
      const r = await m.findOne(ServiceRequest, {
        where: { id, orgPath: Like(likePrefix(p.orgPath)) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!r) throw new NotFoundException(`request ${id} not found`);
      await change(m, r);
      await saveLocked(m, r);
      return this.get(p, id, m);
    });
  }
}

/**
 * Sign-off opens the rating window: the resident is texted a one-time rating link in this
 * transaction, and the fact carries only the token's hash (none when nobody can be texted).
 */
export async function signOff(
  m: EntityManager,
  r: ServiceRequest,
  actor: Actor,
  via: 'code' | 'follow_up',
  solved: boolean,
  sealer: MessageSealer,
  ratingLinkBase: string,
  note?: string,
): Promise<void> {
  const at = new Date();
  moveOrConflict(r, 'sign_off', actor, { at, note: note ?? (solved ? 'solved' : 'not solved') });
  r.signedOffAt = at;
  r.solved = solved;
  const token = newRatingToken();
  const texted = await enqueueNotification(m, sealer, r, 'rating_link', { ratingLink: ratingLink(ratingLinkBase, r.id, token) });
  await writeToOutbox(m, RequestSignedOff, {
    subject: r.id,
    data: {
      ...factOf(r, at),
      providerId: r.providerId!,
      providerKind: r.providerKind!,
      via,
      solved,
      feePolicy: r.feePolicy,
      ...(r.arrivedAt && { arrivedAt: r.arrivedAt.toISOString() }),
      ...(r.completedAt && { completedAt: r.completedAt.toISOString() }),
      resolutionDueAt: r.resolutionDueAt.toISOString(),
      ...(texted && { ratingTokenHash: hashRatingToken(token) }),
    },
  });
}

/**
 * Redo (重办): back to dispatch with the provider whose work is redone named. From people a refusal
 * is a 409; from the rating service's fact it is ignored (the window may have closed meanwhile).
 */
export async function reopenRequest(
  m: EntityManager,
  r: ServiceRequest,
  actor: Actor,
  reason: string,
  at: Date,
  strict: boolean,
): Promise<boolean> {
  const previousProviderId = r.providerId;
  const decision = move(r, 'reopen', actor, { at, note: reason });
  if (!decision.ok) {
    if (strict) throw new ConflictException(decision.reason);
    return false;
  }
  Object.assign(r, {
    reopenCount: r.reopenCount + 1,
    providerId: null,
    providerKind: null,
    providerName: null,
    escalationLevel: null,
    assignedAt: null,
    arrivedAt: null,
    completedAt: null,
    signedOffAt: null,
    closedAt: null,
    solved: null,
  });
  await writeToOutbox(m, RequestReopened, {
    subject: r.id,
    data: { ...factOf(r, at), reason, ...(previousProviderId && { previousProviderId }) },
  });
  return true;
}
