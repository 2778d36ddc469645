import { AuditOrigin, inScope, Principal, recordAudit, scopedRepository } from '@bangbang/auth';
import { AuditRecorded } from '@bangbang/contracts';
import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { availabilityWindow } from '../matching/availability';
import { scopeAt } from '../matching/org-scope';
import { refusal } from '../matching/ranking';
import { Offer } from '../offers/offer.entity';
import { lockProvider } from '../providers/provider-view';
import { DispatchJob, StoredRanking } from './dispatch-job.entity';
import { Dispatcher } from './dispatcher';
import { actsAs } from './job-facts';
import { canMove, OPEN_STATES } from './job-state';
import { AssignDto, ListJobsQuery } from './job.dto';

export const STAFF_READERS = ['agent', 'district_admin', 'street_admin', 'community_admin', 'auditor'] as const;
export const STAFF_ASSIGNERS = ['agent', 'district_admin', 'street_admin', 'community_admin'] as const;

export class JobView {
  requestId: string;
  requestNumber: string;
  communityId: string;
  orgPath: string;
  categoryCode: string;
  urgency: DispatchJob['urgency'];
  feePolicy: DispatchJob['feePolicy'];
  state: DispatchJob['state'];
  level: DispatchJob['level'];
  provider: { id: string; kind: string; name: string } | null;
  manualReason: string | null;
  responseDueAt: Date;
  resolutionDueAt: Date;
  /** Milliseconds to the deadline (negative once past); null once met. */
  responseLeftMs: number | null;
  resolutionLeftMs: number | null;
  breached: { response: boolean; resolution: boolean };
  receivedAt: Date;
  assignedAt: Date | null;
  onSiteAt: Date | null;
  completedAt: Date | null;
}

export function jobView(j: DispatchJob, now: Date): JobView {
  const closed = j.state === 'signed_off' || j.state === 'cancelled';
  return {
    requestId: j.requestId,
    requestNumber: j.requestNumber,
    communityId: j.communityId,
    orgPath: j.orgPath,
    categoryCode: j.categoryCode,
    urgency: j.urgency,
    feePolicy: j.feePolicy,
    state: j.state,
    level: j.level,
    provider: j.providerId ? { id: j.providerId, kind: j.providerKind!, name: j.providerName! } : null,
    manualReason: j.manualReason,
    responseDueAt: j.responseDueAt,
    resolutionDueAt: j.resolutionDueAt,
    responseLeftMs: j.respondedAt || closed ? null : j.responseDueAt.getTime() - now.getTime(),
    resolutionLeftMs: closed ? null : j.resolutionDueAt.getTime() - now.getTime(),
    breached: { response: j.responseBreachedAt !== null, resolution: j.resolutionBreachedAt !== null },
    receivedAt: j.receivedAt,
    assignedAt: j.assignedAt,
    onSiteAt: j.onSiteAt,
    completedAt: j.completedAt,
  };
}

const isStaff = (p: Principal) => p.kind === 'staff';

/** What agents and admins see and do, always within their own part of the tree. */
@Injectable()
export class StaffJobsService {
  constructor(
    private readonly ds: DataSource,
    private readonly dispatcher: Dispatcher,
  ) {}

  /** Breached jobs first, then by the nearest response deadline. */
  async list(principal: Principal, q: ListJobsQuery, now: Date): Promise<JobView[]> {
    const qb = scopedRepository(this.ds.manager, DispatchJob, principal).createQueryBuilder('j');
    if (q.state) qb.andWhere('j.state = :state', { state: q.state });
    else qb.andWhere('j.state IN (:...open)', { open: OPEN_STATES });
    if (q.community) qb.andWhere('j.communityId = :community', { community: q.community });
    const jobs = await qb
      .orderBy('(j.response_breached_at IS NOT NULL OR j.resolution_breached_at IS NOT NULL)', 'DESC')
      .addOrderBy('j.responded_at IS NULL', 'DESC')
      .addOrderBy('j.response_due_at', 'ASC')
      .addOrderBy('j.request_id', 'ASC')
      .limit(q.limit ?? 100)
      .getMany();
    return jobs.map((j) => jobView(j, now));
  }

  /** Staff in scope, or the provider holding the job; for anyone else it does not exist. */
  async get(principal: Principal, requestId: string): Promise<DispatchJob> {
    const job = await this.ds.manager.findOneBy(DispatchJob, { requestId });
    const holder = job?.providerId && actsAs(principal, job.providerId, job.providerKind!);
    if (!job || !(holder || (isStaff(principal) && inScope(principal, job.orgPath)))) {
      throw new NotFoundException('job not found');
    }
    return job;
  }

  async offers(principal: Principal, requestId: string): Promise<Offer[]> {
    const job = await scopedRepository(this.ds.manager, DispatchJob, principal).get({ requestId }, 'job');
    return this.ds.manager.find(Offer, { where: { requestId: job.requestId }, order: { offeredAt: 'ASC', providerId: 'ASC' } });
  }

  async candidates(principal: Principal, requestId: string): Promise<StoredRanking[]> {
    return (await scopedRepository(this.ds.manager, DispatchJob, principal).get({ requestId }, 'job')).rankings;
  }

  /**
   * Assignment by hand. The hard rules still hold, except availability: staff may know better
   * than the weekly windows. The refusal names the rule it breaks.
   */
  async assign(
    m: EntityManager,
    principal: Principal,
    requestId: string,
    dto: AssignDto,
    origin: AuditOrigin,
    now: Date,
  ): Promise<JobView> {
    const job = await this.dispatcher.find(m, requestId);
    if (!job || !inScope(principal, job.orgPath)) throw new NotFoundException('job not found');
    if (!canMove(job.state, 'assigned')) throw new ConflictException(`cannot assign: the job is ${job.state.replace('_', ' ')}`);
    if (job.providerId === dto.providerId) throw new ConflictException(`the job is already assigned to ${dto.providerId}`);
    // Locked after the job, in the order accepting an offer takes them, so a concurrent accept of
    // another job's offer and this assignment cannot both take the provider's last slot.
    // Offers of this very job do not count against the provider: assigning withdraws them.
    const provider = await lockProvider(m, dto.providerId, now, job.requestId);
    if (!provider)
      throw new UnprocessableEntityException({ statusCode: 422, rule: 'unknown-provider', message: `no provider ${dto.providerId}` });
    const facts = {
      categoryCode: job.categoryCode,
      // Staff may give the job to anyone within the widest scope its search reached.
      scope: scopeAt(job.orgPath, job.level),
      feePolicy: job.feePolicy,
      location: null,
      window: availabilityWindow(job, now),
      preferredProviderId: null,
      alreadyOffered: new Set<string>(),
    };
    const refused = refusal(facts, provider, now, ['already-offered', 'unavailable']);
    if (refused) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        rule: refused.rule,
        message: `cannot assign to ${provider.providerId}: it ${refused.reason}`,
      });
    }
    const reassigning = job.providerId !== null;
    await this.dispatcher.withdrawOpen(m, job, 'reassigned', now);
    await this.dispatcher.assign(m, job, provider, now, { by: principal.id, reason: dto.reason });
    await recordAudit(
      m,
      AuditRecorded.dispatch,
      principal,
      { action: reassigning ? 'job.reassigned' : 'job.assigned', resourceType: 'job', resourceId: job.requestId },
      origin,
    );
    return jobView(job, now);
  }
}
