import type { Satisfaction } from '@bangbang/contracts';
import { sha256Hex } from '@bangbang/auth';
import { timingSafeEqual } from 'node:crypto';

/** The token is the request service's (texted to the resident); only its SHA-256 reaches this service. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(sha256Hex(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export function windowClosesAt(signedOffAt: string, windowSeconds: number): Date {
  return new Date(Date.parse(signedOffAt) + windowSeconds * 1_000);
}

export interface Answers {
  team: Satisfaction;
  provider: Satisfaction;
  solved: boolean;
}

export const FOLLOW_UP_REASONS = ['not_rated', 'dissatisfied', 'not_solved'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

/** Every 不满意 (either question) and every "not solved" gets a call back. */
export function followUpReasons(a: Answers): FollowUpReason[] {
  const reasons: FollowUpReason[] = [];
  if (a.team === 'dissatisfied' || a.provider === 'dissatisfied') reasons.push('dissatisfied');
  if (!a.solved) reasons.push('not_solved');
  return reasons;
}

/** Not solved, or dissatisfied with the provider, within the window: the job is redone (重办). */
export function redoReason(a: Answers): string | null {
  if (!a.solved) return 'the resident says the problem is not solved';
  if (a.provider === 'dissatisfied') return 'the resident is dissatisfied with the provider';
  return null;
}
