import type { ProviderKind, Satisfaction } from '@bangbang/contracts';
import { randomUUID } from 'node:crypto';
import type { Fact } from '../src/figures/job-fact';

export interface SeededFact {
  requestId: string;
  fact: Fact;
}

export interface History {
  /** Every fact, interleaved across jobs and topics as a consumer could see them, with re-published copies. */
  facts: SeededFact[];
  jobs: number;
  /** Counted by the generator itself, not by the code under test. */
  expected: { ratedJobs: number; responsesDecided: number; responsesInTime: number };
}

/** Deterministic pseudo-random numbers, so a failing seed can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR = 3_600_000;
const STREETS = ['jinxing', 'changshan', 'yangming'];
const COMMUNITIES = ['a', 'b', 'c'];
const CATEGORIES: Array<[string, number, number]> = [
  ['water-electric-repair', 4, 24],
  ['pipe-unclogging', 24, 7 * 24],
  ['appliance-repair', 24, 15 * 24],
  ['haircut', 24, 7 * 24],
];
const ANSWERS: Satisfaction[] = ['satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'];
const TAGS = ['punctual', 'polite', 'tidy', 'price_as_quoted'];

/**
 * A history of `jobs` jobs received over about two months around a month boundary: late and
 * timely acceptances, breaches, reassignments, cancellations, consultations, unsolved sign-offs,
 * redos, ratings and amendments. Each job's facts keep their order within a topic (request,
 * dispatch, rating), as Kafka keeps a key's order, and are interleaved at random across topics.
 */
export function seedHistory(jobs: number, seed = 20261125): History {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const streams: SeededFact[][] = [];
  const expected = { ratedJobs: 0, responsesDecided: 0, responsesInTime: 0 };
  const start = Date.parse('2026-10-20T00:00:00Z');
  for (let i = 0; i < jobs; i++) {
    const requestId = randomUUID();
    const orgPath = `/nanchang/${pick(STREETS)}/${pick(STREETS)}-${pick(COMMUNITIES)}/`;
    const [categoryCode, responseHours, resolutionHours] = pick(CATEGORIES);
    const placed = { orgPath, categoryCode };
    const received = start + Math.floor(rnd() * 60 * 24) * HOUR;
    const iso = (t: number) => new Date(t).toISOString();
    const responseDue = received + responseHours * HOUR;
    const resolutionDue = received + resolutionHours * HOUR;
    const request: Fact[] = [];
    const dispatch: Fact[] = [];
    const rating: Fact[] = [];
    const consultation = rnd() < 0.05;
    request.push({
      type: 'created',
      kind: consultation ? 'consultation' : 'home_service',
      responseDueAt: iso(responseDue),
      resolutionDueAt: iso(resolutionDue),
      ...placed,
    });
    if (consultation) {
      request.push({ type: 'answered', at: iso(received + 60_000), ...placed });
    } else if (rnd() < 0.05) {
      request.push({ type: 'cancelled', at: iso(received + HOUR / 2), ...placed });
    } else {
      const provider = `p-${Math.floor(rnd() * 30)}`;
      const providerKind: ProviderKind = provider.endsWith('7') ? 'volunteer' : 'merchant';
      const acceptedAt = received + Math.floor(rnd() * 1.3 * responseHours * HOUR);
      if (acceptedAt > responseDue) dispatch.push({ type: 'breached', deadline: 'response', at: iso(responseDue), ...placed });
      dispatch.push({ type: 'assigned', at: iso(acceptedAt), providerId: provider, providerKind, ...placed });
      expected.responsesDecided++;
      if (acceptedAt <= responseDue) expected.responsesInTime++;
      let holder = provider;
      if (rnd() < 0.03) {
        holder = `p-${Math.floor(rnd() * 30)}`;
        dispatch.push({ type: 'assigned', at: iso(acceptedAt + HOUR), providerId: holder, providerKind, ...placed });
      }
      const signedOff = acceptedAt + Math.floor(rnd() * 1.2 * resolutionHours * HOUR);
      if (signedOff > resolutionDue) dispatch.push({ type: 'breached', deadline: 'resolution', at: iso(resolutionDue), ...placed });
      const signOff = (at: number, solved: boolean): Fact => ({
        type: 'signed-off',
        at: iso(at),
        providerId: holder,
        providerKind,
        solved,
        resolutionDueAt: iso(resolutionDue),
        ...placed,
      });
      request.push(signOff(signedOff, rnd() < 0.8));
      if (rnd() < 0.03) {
        request.push({ type: 'reopened', at: iso(signedOff + 2 * HOUR), ...placed });
        request.push(signOff(signedOff + 6 * HOUR, true));
      }
      if (rnd() < 0.6) {
        expected.ratedJobs++;
        const rated = (revision: number, at: number): Fact => ({
          type: 'rated',
          revision,
          ratedAt: iso(at),
          team: pick(ANSWERS),
          provider: pick(ANSWERS),
          solved: rnd() < 0.9,
          tags: TAGS.filter(() => rnd() < 0.3),
          providerId: holder,
          providerKind,
          ...placed,
        });
        const ratedAt = signedOff + Math.floor(rnd() * 6 * 24 * HOUR);
        rating.push(rated(1, ratedAt));
        if (rnd() < 0.1) rating.push(rated(2, ratedAt + 3 * HOUR));
      }
    }
    for (const stream of [request, dispatch, rating]) {
      if (!stream.length) continue;
      const withCopies = stream.flatMap((fact) => (rnd() < 0.05 ? [fact, fact] : [fact]));
      streams.push(withCopies.map((fact) => ({ requestId, fact })));
    }
  }
  const facts: SeededFact[] = [];
  const heads = streams.map(() => 0);
  const live = streams.map((_, i) => i);
  while (live.length) {
    const at = Math.floor(rnd() * live.length);
    const s = live[at];
    facts.push(streams[s][heads[s]++]);
    if (heads[s] === streams[s].length) live.splice(at, 1);
  }
  return { facts, jobs, expected };
}
