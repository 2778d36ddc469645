import type { ProviderKind, RequestKind, Satisfaction } from '@bangbang/contracts';

/**
 * Everything the figures need about one job (one request), folded from the facts other services
 * publish. Every field is set by one kind of fact only and in a way that tolerates the facts
 * arriving late, twice or out of order across topics, so folding the same set of facts in any
 * order gives the same row.
 */
export interface JobFact {
  requestId: string;
  orgPath: string | null;
  categoryCode: string | null;
  kind: RequestKind | null;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  /** The earliest acceptance and who made it: the response is measured on it. */
  acceptedAt: string | null;
  acceptedBy: string | null;
  /** Whoever holds the job now, and since when (a late assignment must not replace a newer one). */
  providerId: string | null;
  providerKind: ProviderKind | null;
  providerSince: string | null;
  responseBreachedAt: string | null;
  resolutionBreachedAt: string | null;
  /** The latest sign-off of the current cycle; cleared by a reopen (redo). */
  signedOffAt: string | null;
  signedOffSolved: boolean | null;
  signedOffBy: string | null;
  /** How many times the job was signed off: the rating cycle. */
  signOffs: number;
  lastReopenedAt: string | null;
  answeredAt: string | null;
  cancelledAt: string | null;
  /** The rating as its events said, newest revision only (0: not rated). */
  ratingRevision: number;
  firstRatedAt: string | null;
  ratingTeam: Satisfaction | null;
  ratingProvider: Satisfaction | null;
  ratingSolved: boolean | null;
  ratingTags: string[];
  ratingProviderId: string | null;
}

export function emptyJob(requestId: string): JobFact {
  return {
    requestId,
    orgPath: null,
    categoryCode: null,
    kind: null,
    responseDueAt: null,
    resolutionDueAt: null,
    acceptedAt: null,
    acceptedBy: null,
    providerId: null,
    providerKind: null,
    providerSince: null,
    responseBreachedAt: null,
    resolutionBreachedAt: null,
    signedOffAt: null,
    signedOffSolved: null,
    signedOffBy: null,
    signOffs: 0,
    lastReopenedAt: null,
    answeredAt: null,
    cancelledAt: null,
    ratingRevision: 0,
    firstRatedAt: null,
    ratingTeam: null,
    ratingProvider: null,
    ratingSolved: null,
    ratingTags: [],
    ratingProviderId: null,
  };
}

const earliest = (a: string | null, b: string): string => (a === null || Date.parse(b) < Date.parse(a) ? b : a);

/** What every fact carries: where the job is and its category. */
export interface Placed {
  orgPath: string;
  categoryCode: string;
}

export type Fact =
  | (Placed & { type: 'created'; kind: RequestKind; responseDueAt: string; resolutionDueAt: string })
  | (Placed & { type: 'assigned'; at: string; providerId: string; providerKind: ProviderKind })
  | (Placed & { type: 'breached'; at: string; deadline: 'response' | 'resolution' })
  | (Placed & { type: 'signed-off'; at: string; providerId: string; providerKind: ProviderKind; solved: boolean; resolutionDueAt: string })
  | (Placed & { type: 'reopened'; at: string })
  | (Placed & { type: 'answered'; at: string })
  | (Placed & { type: 'cancelled'; at: string })
  | (Placed & {
      type: 'rated';
      revision: number;
      ratedAt: string;
      team: Satisfaction;
      provider: Satisfaction;
      solved: boolean;
      tags: string[];
      providerId: string;
      providerKind: ProviderKind;
    });

/** The job after one more fact. Returns the same object when the fact changes nothing. */
export function applyFact(job: JobFact, fact: Fact): JobFact {
  const j: JobFact = { ...job, orgPath: job.orgPath ?? fact.orgPath, categoryCode: job.categoryCode ?? fact.categoryCode };
  switch (fact.type) {
    case 'created':
      return { ...j, kind: fact.kind, responseDueAt: fact.responseDueAt, resolutionDueAt: fact.resolutionDueAt };
    case 'assigned': {
      const first = j.acceptedAt === null || Date.parse(fact.at) < Date.parse(j.acceptedAt);
      const newest = j.providerSince === null || Date.parse(fact.at) >= Date.parse(j.providerSince);
      return {
        ...j,
        ...(first ? { acceptedAt: fact.at, acceptedBy: fact.providerId } : {}),
        ...(newest ? { providerId: fact.providerId, providerKind: fact.providerKind, providerSince: fact.at } : {}),
      };
    }
    case 'breached':
      return fact.deadline === 'response'
        ? { ...j, responseBreachedAt: earliest(j.responseBreachedAt, fact.at) }
        : { ...j, resolutionBreachedAt: earliest(j.resolutionBreachedAt, fact.at) };
    case 'signed-off':
      // The same sign-off told twice (a re-published copy) is still one sign-off.
      if (j.signedOffAt === fact.at) return job;
      return {
        ...j,
        signedOffAt: fact.at,
        signedOffSolved: fact.solved,
        signedOffBy: fact.providerId,
        providerKind: j.providerKind ?? fact.providerKind,
        resolutionDueAt: j.resolutionDueAt ?? fact.resolutionDueAt,
        signOffs: j.signOffs + 1,
      };
    case 'reopened':
      if (j.lastReopenedAt === fact.at) return job;
      return { ...j, lastReopenedAt: fact.at, signedOffAt: null, signedOffSolved: null, signedOffBy: null };
    case 'answered':
      return { ...j, answeredAt: earliest(j.answeredAt, fact.at) };
    case 'cancelled':
      return { ...j, cancelledAt: earliest(j.cancelledAt, fact.at) };
    case 'rated':
      // A revision at or below the one applied is a duplicate or arrived late: it changes nothing.
      if (fact.revision <= j.ratingRevision) return job;
      return {
        ...j,
        ratingRevision: fact.revision,
        firstRatedAt: j.firstRatedAt ?? fact.ratedAt,
        ratingTeam: fact.team,
        ratingProvider: fact.provider,
        ratingSolved: fact.solved,
        ratingTags: [...fact.tags].sort(),
        ratingProviderId: fact.providerId,
        providerKind: j.providerKind ?? fact.providerKind,
      };
  }
}
