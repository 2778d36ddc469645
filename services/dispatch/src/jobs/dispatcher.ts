import {
  type EventContract,
  JobAssigned,
  JobEscalated,
  JobOffered,
  JobReassigned,
  OfferWithdrawn,
  type ProviderKind,
  type RequestCreatedV2,
  WITHDRAWN_BECAUSE,
} from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { EntityRows } from '@bangbang/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock, Clocks } from '../clocks/clocks';
import { DISPATCH_CONFIG, DispatchConfig, DISTRICT_WEIGHTS } from '../dispatch.config';
import { availabilityWindow } from '../matching/availability';
import { nextLevel, scopeAt } from '../matching/org-scope';
import { Candidate, Excluded, JobFacts, ProviderFacts, rankProviders, Ranking, refusal, Weights } from '../matching/ranking';
import { weightsFor } from '../matching/weights';
import { lockProviders, providersForCategory, tryLockProvider } from '../providers/provider-view';
import { Reservations } from '../providers/reservations';
import { DispatchJob, StoredRanking } from './dispatch-job.entity';
import { assertMove } from './job-state';
import { jobFact } from './job-facts';
import { Offer } from '../offers/offer.entity';

export interface Assignment {
  by?: string;
  reason?: string;
}

/**
 * Moves jobs through offers, the escalation ladder and assignment. Every method runs in the
 * caller's transaction with the job's row locked, which is what makes one job's offers and its
 * single assignment safe across any number of instances.
 */
@Injectable()
export class Dispatcher {
  constructor(
    @Inject(DISPATCH_CONFIG) private readonly config: DispatchConfig,
    @Inject(DISTRICT_WEIGHTS) private readonly weights: ReadonlyMap<string, Weights>,
    private readonly clocks: Clocks,
  ) {}

  /** Opens the job for a new request and makes its first offers, in the consuming transaction. */
  async open(m: EntityManager, r: RequestCreatedV2, correlationId: string, now: Date, reservations?: Reservations): Promise<void> {
    const job = m.create(DispatchJob, {
      requestId: r.requestId,
      requestNumber: r.number,
      communityId: r.communityId,
      orgPath: r.orgPath,
      categoryCode: r.categoryCode,
      urgency: r.urgency,
      feePolicy: r.feePolicy,
      state: 'offering',
      correlationId,
      lat: r.location?.lat ?? null,
      lng: r.location?.lng ?? null,
      preferredFrom: r.preferredWindow ? new Date(r.preferredWindow.from) : null,
      preferredTo: r.preferredWindow ? new Date(r.preferredWindow.to) : null,
      preferredProviderId: r.chosenProviderId ?? null,
      receivedAt: new Date(r.receivedAt),
      responseDueAt: new Date(r.responseDueAt),
      resolutionDueAt: new Date(r.resolutionDueAt),
      level: 'community',
      round: 1,
      providerId: null,
      providerKind: null,
      providerName: null,
      previousProviderId: null,
      respondedAt: null,
      rankings: [],
      updatedAt: now,
    });
    // Ranked before the insert, so a new job's row, its first offers and its clocks take one statement each.
    const plan = await this.plan(m, job, [], this.fanout(job), now, reservations);
    job.rankings = plan.rankings;
    // A request opens one job however often its event is delivered; the insert holds the new row's lock.
    const inserted = await m.createQueryBuilder().insert().into(DispatchJob).values(job).orIgnore().returning(['requestId']).execute();
    if (!(inserted.raw as unknown[]).length) return;
    const deadlines: Omit<Clock, 'id'>[] = [
      { requestId: job.requestId, kind: 'response', offerId: null, dueAt: job.responseDueAt },
      { requestId: job.requestId, kind: 'resolution', offerId: null, dueAt: job.resolutionDueAt },
    ];
    if (plan.picked.length) return this.offer(m, job, plan.picked, now, deadlines);
    await this.clocks.set(m, ...deadlines);
    await this.fill(m, job, now, reservations);
  }

  async lock(m: EntityManager, requestId: string): Promise<DispatchJob> {
    const job = await this.find(m, requestId);
    if (!job) throw new Error(`job ${requestId} vanished under its lock`);
    return job;
  }

  find(m: EntityManager, requestId: string): Promise<DispatchJob | null> {
    return EntityRows.of(m, DispatchJob).lock(m, { requestId });
  }

  /** The one place a job's row changes; a change of state must be a move the state machine allows. */
  async patch(m: EntityManager, job: DispatchJob, changes: Partial<DispatchJob>, now: Date): Promise<void> {
    if (changes.state !== undefined) assertMove(job.state, changes.state);
    Object.assign(job, changes, { updatedAt: now });
    await EntityRows.of(m, DispatchJob).update(m, { requestId: job.requestId }, { ...changes, updatedAt: now });
  }

  /**
   * Keeps as many offers open as the job allows (one, or the emergency fan-out), to the best
   * candidates not yet offered this round; when none is left, climbs the ladder. With
   * `reservations` (a consumer chunk), the providers it offers to are confirmed at commit instead of
   * held from now.
   */
  async fill(m: EntityManager, job: DispatchJob, now: Date, reservations?: Reservations): Promise<void> {
    while (job.state === 'offering') {
      const offers = await m.find(Offer, {
        select: { providerId: true, status: true },
        where: { requestId: job.requestId, round: job.round },
      });
      const open = offers.filter((o) => o.status === 'open').length;
      const wanted = this.fanout(job) - open;
      if (wanted <= 0) return;
      const plan = await this.plan(m, job, offers, wanted, now, reservations);
      await this.patch(m, job, { rankings: plan.rankings }, now);
      if (plan.picked.length) return this.offer(m, job, plan.picked, now);
      if (open) return;
      await this.escalate(m, job, plan.scope, offers.length, plan.ranking, now);
    }
  }

  private fanout(job: DispatchJob): number {
    return job.urgency === 'emergency' ? this.config.DISPATCH_EMERGENCY_FANOUT : 1;
  }

  /**
   * Ranks the providers at the job's current level and picks who to offer it to next. The stored
   * list is what agents read: the candidates already offered at this level, as they were ranked
   * then, followed by the fresh ranking of the rest.
   */
  private async plan(
    m: EntityManager,
    job: DispatchJob,
    offers: Pick<Offer, 'providerId'>[],
    wanted: number,
    now: Date,
    reservations: Reservations | undefined,
  ) {
    const scope = scopeAt(job.orgPath, job.level);
    const offered = new Set(offers.map((o) => o.providerId));
    const facts = this.facts(job, scope, offered, now);
    const ranking = rankProviders(facts, await providersForCategory(m, job.categoryCode, now), now, weightsFor(this.weights, job.orgPath));
    const { picked, refused } = reservations
      ? this.reserveAtCommit(ranking.ranked, wanted, reservations)
      : await this.reserve(m, facts, ranking.ranked, wanted, now);
    const gone = new Set(refused.map((r) => r.providerId));
    ranking.ranked = ranking.ranked.filter((c) => !gone.has(c.providerId));
    ranking.excluded = [...ranking.excluded, ...refused].sort((a, b) => (a.providerId < b.providerId ? -1 : 1));
    const same = (r: StoredRanking) => r.level === job.level && r.round === job.round;
    const earlier = job.rankings.find(same)?.ranked.filter((c) => offered.has(c.providerId)) ?? [];
    const entry: StoredRanking = {
      level: job.level,
      scope,
      round: job.round,
      rankedAt: now.toISOString(),
      ranked: [...earlier, ...ranking.ranked].map((c, i) => ({ ...c, rank: i + 1 })),
      excluded: ranking.excluded.filter((e) => e.rule !== 'already-offered'),
    };
    return { scope, ranking, picked, rankings: [...job.rankings.filter((r) => !same(r)), entry] };
  }

  /**
   * Takes the best candidates that still have room, each checked again holding its row lock (the
   * lock an accept takes), on counts that include every offer and job committed before: two jobs
   * dispatched at once cannot both take a provider's last slot, and a job the ranking meant for a
   * provider filled meanwhile goes straight to the next one. A provider another decision holds
   * right now is passed over for the next candidate rather than waited for, so a burst spreads
   * instead of queuing on the best provider.
   */
  private async reserve(m: EntityManager, facts: JobFacts, ranked: Candidate[], wanted: number, now: Date) {
    await m.query('SAVEPOINT reserve');
    const first = await this.claimFree(m, facts, ranked, [], wanted, now);
    if (first.picked.length >= wanted || !first.busy.length) {
      await m.query('RELEASE SAVEPOINT reserve');
      return first;
    }
    // Short of candidates because some were held: wait for those, as every decision waits, holding
    // no other provider and locking in provider id order, so no two decisions wait on each other.
    await m.query('ROLLBACK TO SAVEPOINT reserve');
    const contended = new Set([...first.picked, ...first.busy].map((c) => c.providerId));
    const held = new Map((await lockProviders(m, [...contended], now)).map((p) => [p.providerId, p]));
    const picked: Candidate[] = [];
    const refused = first.refused;
    for (const candidate of ranked.filter((c) => contended.has(c.providerId))) {
      if (picked.length >= wanted) break;
      const why = refusal(facts, held.get(candidate.providerId)!, now);
      if (why) refused.push({ providerId: candidate.providerId, ...why });
      else picked.push(candidate);
    }
    const rest = ranked.filter((c) => !contended.has(c.providerId) && !refused.some((r) => r.providerId === c.providerId));
    const more = await this.claimFree(m, facts, rest, picked, wanted, now);
    await m.query('RELEASE SAVEPOINT reserve');
    return { picked: more.picked, refused: [...refused, ...more.refused] };
  }

  /**
   * The best candidates on the counts the ranking read, which include the chunk's own offers so far;
   * whatever another transaction committed meanwhile is checked at the chunk's commit.
   */
  private reserveAtCommit(ranked: Candidate[], wanted: number, reservations: Reservations) {
    const picked = ranked.slice(0, wanted);
    for (const c of picked) reservations.add(c.providerId);
    return { picked, refused: [] as Excluded[] };
  }

  /** Claims candidates in rank order without waiting: a held one is noted as busy, a full one let go at once. */
  private async claimFree(m: EntityManager, facts: JobFacts, candidates: Candidate[], already: Candidate[], wanted: number, now: Date) {
    const picked = [...already];
    const refused: Excluded[] = [];
    const busy: Candidate[] = [];
    for (const candidate of candidates) {
      if (picked.length >= wanted) break;
      await m.query('SAVEPOINT claim');
      const fresh = await tryLockProvider(m, candidate.providerId, now);
      const why = fresh === 'busy' ? null : refusal(facts, fresh, now);
      if (fresh !== 'busy' && !why) {
        await m.query('RELEASE SAVEPOINT claim');
        picked.push(candidate);
        continue;
      }
      // A full provider's lock goes with the savepoint: a decision holds only the providers it offers to.
      await m.query('ROLLBACK TO SAVEPOINT claim');
      if (why) refused.push({ providerId: candidate.providerId, ...why });
      else busy.push(candidate);
    }
    return { picked, refused, busy };
  }

  private facts(job: DispatchJob, scope: string, alreadyOffered: Set<string>, now: Date): JobFacts {
    return {
      categoryCode: job.categoryCode,
      scope,
      feePolicy: job.feePolicy,
      location: job.lat !== null && job.lng !== null ? { lat: job.lat, lng: job.lng } : null,
      window: availabilityWindow(job, now),
      preferredProviderId: job.preferredProviderId,
      alreadyOffered,
    };
  }

  private async offer(
    m: EntityManager,
    job: DispatchJob,
    candidates: Candidate[],
    now: Date,
    clocks: Omit<Clock, 'id'>[] = [],
  ): Promise<void> {
    const offers: Offer[] = candidates.map((c) => ({
      offerId: randomUUID(),
      requestId: job.requestId,
      round: job.round,
      level: job.level,
      providerId: c.providerId,
      providerKind: c.providerKind,
      status: 'open',
      reason: null,
      offeredBy: this.config.DISPATCH_INSTANCE_ID,
      offeredAt: now,
      expiresAt: new Date(now.getTime() + this.timeout(c.providerKind)),
      resolvedAt: null,
    }));
    await m.insert(Offer, offers);
    const timeouts = offers.map((o) => ({ requestId: job.requestId, kind: 'offer' as const, offerId: o.offerId, dueAt: o.expiresAt }));
    await this.clocks.set(m, ...clocks, ...timeouts);
    for (const offer of offers) {
      await this.publish(m, job, JobOffered, {
        ...jobFact(job, now),
        providerId: offer.providerId,
        providerKind: offer.providerKind,
        offerId: offer.offerId,
        expiresAt: offer.expiresAt.toISOString(),
        feePolicy: job.feePolicy,
        urgency: job.urgency,
      });
    }
  }

  private timeout(kind: ProviderKind): number {
    return kind === 'volunteer' ? this.config.DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS : this.config.DISPATCH_OFFER_TIMEOUT_MERCHANT_MS;
  }

  private async escalate(m: EntityManager, job: DispatchJob, scope: string, offered: number, ranking: Ranking, now: Date): Promise<void> {
    const level = nextLevel(job.level);
    const rules = new Map<string, number>();
    for (const e of ranking.excluded) if (e.rule !== 'already-offered') rules.set(e.rule, (rules.get(e.rule) ?? 0) + 1);
    const filtered = [...rules].map(([rule, n]) => `${rule} ${n}`).join(', ');
    const reason = `no provider in ${scope} accepted: ${offered} offered this round` + (filtered ? `; filtered out: ${filtered}` : '');
    await this.publish(m, job, JobEscalated, { ...jobFact(job, now), level, reason });
    await this.patch(m, job, level === 'manual' ? { level, state: 'manual', manualReason: reason } : { level }, now);
  }

  /** Withdraws the job's open offers, telling each provider why. */
  async withdrawOpen(m: EntityManager, job: DispatchJob, because: (typeof WITHDRAWN_BECAUSE)[number], now: Date): Promise<void> {
    const withdrawn: { offer_id: string; provider_id: string; provider_kind: ProviderKind }[] = await m.query(
      `WITH w AS (
         UPDATE dispatch_offer SET status = 'withdrawn', reason = $2, resolved_at = $3
         WHERE request_id = $1 AND status = 'open' RETURNING offer_id, provider_id, provider_kind, offered_at)
       SELECT * FROM w ORDER BY offered_at, provider_id`,
      [job.requestId, because, now],
    );
    await this.clocks.stopOffers(
      m,
      withdrawn.map((o) => o.offer_id),
    );
    for (const o of withdrawn) {
      await this.publish(m, job, OfferWithdrawn, {
        ...jobFact(job, now),
        providerId: o.provider_id,
        providerKind: o.provider_kind,
        offerId: o.offer_id,
        because,
      });
    }
  }

  /** Gives the job to one provider; announced as a reassignment when someone held it before. */
  async assign(m: EntityManager, job: DispatchJob, provider: ProviderFacts, now: Date, by: Assignment = {}): Promise<void> {
    const previous = job.providerId ?? job.previousProviderId;
    await this.patch(
      m,
      job,
      {
        state: 'assigned',
        providerId: provider.providerId,
        providerKind: provider.providerKind,
        providerName: provider.displayName,
        previousProviderId: null,
        assignedAt: now,
        respondedAt: job.respondedAt ?? now,
        onSiteAt: null,
        manualReason: null,
      },
      now,
    );
    const data = {
      ...jobFact(job, now),
      providerId: provider.providerId,
      providerKind: provider.providerKind,
      providerName: provider.displayName.slice(0, 128),
      assignedBy: by.by,
      reason: by.reason,
      responseDueAt: job.responseDueAt.toISOString(),
    };
    if (previous && previous !== provider.providerId) {
      await this.publish(m, job, JobReassigned, { ...data, previousProviderId: previous });
    } else {
      await this.publish(m, job, JobAssigned, data);
    }
  }

  /** Events caused later (by a clock, a provider, staff) still carry the request's correlation id. */
  publish<T extends object>(m: EntityManager, job: DispatchJob, contract: EventContract<T>, data: T): Promise<unknown> {
    return writeToOutbox(m, contract, { subject: job.requestId, data, correlationid: job.correlationId ?? undefined });
  }
}
