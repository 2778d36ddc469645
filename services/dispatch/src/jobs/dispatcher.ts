import {
  type EventContract,
  JobAssigned,
  JobEscalated,
  JobOffered,
  JobReassigned,
  OfferWithdrawn,
  type ProviderKind,
  type RequestCreatedV1,
  WITHDRAWN_BECAUSE,
} from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clocks } from '../clocks/clocks';
import { DISPATCH_CONFIG, DispatchConfig } from '../dispatch.config';
import { availabilityWindow } from '../matching/availability';
import { nextLevel, scopeAt } from '../matching/org-scope';
import { Candidate, JobFacts, ProviderFacts, rankProviders, Ranking } from '../matching/ranking';
import { providersForCategory } from '../providers/provider-view';
import { DispatchJob, StoredRanking } from './dispatch-job.entity';
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
    private readonly clocks: Clocks,
  ) {}

  /** Opens the job for a new request and makes its first offers, in the consuming transaction. */
  async open(m: EntityManager, r: RequestCreatedV1, correlationId: string, now: Date): Promise<void> {
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
      summary: r.summary ?? null,
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
    // A request opens one job however often its event is delivered; the insert holds the new row's lock.
    const inserted = await m.createQueryBuilder().insert().into(DispatchJob).values(job).orIgnore().returning(['requestId']).execute();
    if (!inserted.raw.length) return;
    await this.clocks.set(
      m,
      { requestId: job.requestId, kind: 'response', offerId: null, dueAt: job.responseDueAt },
      { requestId: job.requestId, kind: 'resolution', offerId: null, dueAt: job.resolutionDueAt },
    );
    await this.fill(m, job, now, []);
  }

  async lock(m: EntityManager, requestId: string): Promise<DispatchJob> {
    const job = await this.find(m, requestId);
    if (!job) throw new Error(`job ${requestId} vanished under its lock`);
    return job;
  }

  find(m: EntityManager, requestId: string): Promise<DispatchJob | null> {
    return m.findOne(DispatchJob, { where: { requestId }, lock: { mode: 'pessimistic_write' } });
  }

  async patch(m: EntityManager, job: DispatchJob, changes: Partial<DispatchJob>, now: Date): Promise<void> {
    Object.assign(job, changes, { updatedAt: now });
    await m.update(DispatchJob, { requestId: job.requestId }, { ...changes, updatedAt: now });
  }

  /**
   * Keeps as many offers open as the job allows (one, or the emergency fan-out), to the best
   * candidates not yet offered this round; when none is left, climbs the ladder. `known` spares
   * reading the offers of a job that has none yet.
   */
  async fill(m: EntityManager, job: DispatchJob, now: Date, known?: Pick<Offer, 'providerId' | 'status'>[]): Promise<void> {
    while (job.state === 'offering') {
      const offers =
        known ??
        (await m.find(Offer, { select: { providerId: true, status: true }, where: { requestId: job.requestId, round: job.round } }));
      known = undefined;
      const open = offers.filter((o) => o.status === 'open').length;
      const wanted = (job.urgency === 'emergency' ? this.config.DISPATCH_EMERGENCY_FANOUT : 1) - open;
      if (wanted <= 0) return;
      const scope = scopeAt(job.orgPath, job.level);
      const offered = new Set(offers.map((o) => o.providerId));
      const ranking = rankProviders(this.facts(job, scope, offered, now), await providersForCategory(m, job.categoryCode, now), now);
      await this.keepRanking(m, job, scope, offered, ranking, now);
      const picked = ranking.ranked.slice(0, wanted);
      for (const candidate of picked) await this.offer(m, job, candidate, now);
      if (picked.length || open) return;
      await this.escalate(m, job, scope, offers.length, ranking, now);
    }
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

  /**
   * Stores the level's list as agents read it: the candidates already offered at this level, as
   * they were ranked then, followed by the fresh ranking of the rest.
   */
  private async keepRanking(m: EntityManager, job: DispatchJob, scope: string, offered: Set<string>, ranking: Ranking, now: Date): Promise<void> {
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
    await this.patch(m, job, { rankings: [...job.rankings.filter((r) => !same(r)), entry] }, now);
  }

  private async offer(m: EntityManager, job: DispatchJob, candidate: Candidate, now: Date): Promise<void> {
    const expiresAt = new Date(now.getTime() + this.timeout(candidate.providerKind));
    const offer: Offer = {
      offerId: randomUUID(),
      requestId: job.requestId,
      round: job.round,
      level: job.level,
      providerId: candidate.providerId,
      providerKind: candidate.providerKind,
      status: 'open',
      reason: null,
      offeredBy: this.config.DISPATCH_INSTANCE_ID,
      offeredAt: now,
      expiresAt,
      resolvedAt: null,
    };
    await m.insert(Offer, offer);
    await this.clocks.set(m, { requestId: job.requestId, kind: 'offer', offerId: offer.offerId, dueAt: expiresAt });
    await this.publish(m, job, JobOffered, {
      ...jobFact(job, now),
      providerId: offer.providerId,
      providerKind: offer.providerKind,
      offerId: offer.offerId,
      expiresAt: expiresAt.toISOString(),
      feePolicy: job.feePolicy,
      urgency: job.urgency,
      summary: job.summary ?? undefined,
    });
  }

  private timeout(kind: ProviderKind): number {
    return kind === 'volunteer' ? this.config.DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS : this.config.DISPATCH_OFFER_TIMEOUT_MERCHANT_MS;
  }

  private async escalate(m: EntityManager, job: DispatchJob, scope: string, offered: number, ranking: Ranking, now: Date): Promise<void> {
    const level = nextLevel(job.level);
    const rules = new Map<string, number>();
    for (const e of ranking.excluded) if (e.rule !== 'already-offered') rules.set(e.rule, (rules.get(e.rule) ?? 0) + 1);
    const filtered = [...rules].map(([rule, n]) => `${rule} ${n}`).join(', ');
    const reason =
      `no provider in ${scope} accepted: ${offered} offered this round` + (filtered ? `; filtered out: ${filtered}` : '');
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
    await this.clocks.stopOffers(m, withdrawn.map((o) => o.offer_id));
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
