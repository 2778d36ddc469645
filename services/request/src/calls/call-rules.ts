import type { CallDirection, CallOutcome, HangupCause, PbxEventName } from '@bangbang/contracts';

/** One PBX report as the call's timeline keeps it. */
export interface CallEntry {
  event: PbxEventName;
  at: string;
  extension?: string;
  agentId?: string;
  cause?: HangupCause;
}

export interface CallSummary {
  arrivedAt: Date;
  answeredAt: Date | null;
  answeredBy: string | null;
  answeredExtension: string | null;
  endedAt: Date | null;
  cause: HangupCause | null;
  /** Null while the call goes on. */
  outcome: CallOutcome | null;
}

const GAVE_UP: readonly HangupCause[] = ['abandoned', 'cancel'];

/** The timeline in the order things happened at the PBX, whatever order the reports came in. */
export const inOrder = (entries: readonly CallEntry[]): CallEntry[] =>
  [...entries].sort((a, b) => a.at.localeCompare(b.at) || ORDER.indexOf(a.event) - ORDER.indexOf(b.event));

const ORDER: readonly PbxEventName[] = ['newCall', 'ringing', 'transfer', 'answer', 'hangup'];

/**
 * What the timeline says about the call, whichever reports have arrived. A hang-up may come before
 * the answer it follows: a `normal` hang-up means the call was answered (the answer's details fill
 * in when its report comes), and an answer that arrives after a hang-up still counts.
 */
export function summarise(entries: readonly CallEntry[], blocked: boolean): CallSummary {
  const timeline = inOrder(entries);
  const first = (event: PbxEventName) => timeline.find((e) => e.event === event);
  const arrival = first('newCall') ?? timeline[0];
  const arrivedAt = new Date(arrival.at);
  if (blocked) {
    return { arrivedAt, answeredAt: null, answeredBy: null, answeredExtension: null, endedAt: arrivedAt, cause: null, outcome: 'blocked' };
  }
  const answer = first('answer');
  const hangup = first('hangup');
  const cause = hangup?.cause ?? null;
  let outcome: CallOutcome | null = null;
  if (hangup) outcome = answer || cause === 'normal' ? 'answered' : cause && GAVE_UP.includes(cause) ? 'abandoned' : 'missed';
  return {
    arrivedAt,
    answeredAt: answer ? new Date(answer.at) : null,
    answeredBy: answer?.agentId ?? null,
    answeredExtension: answer?.extension ?? null,
    endedAt: hangup ? new Date(hangup.at) : null,
    cause,
    outcome,
  };
}

const seconds = (from: Date, to: Date): number => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** Waiting: until the answer, or until the caller hung up unanswered. Talking: from the answer to the hang-up. */
export function durations(s: CallSummary): { waitSeconds: number; talkSeconds: number } {
  const waitEnd = s.answeredAt ?? (s.outcome === 'answered' ? null : s.endedAt);
  return {
    waitSeconds: waitEnd ? seconds(s.arrivedAt, waitEnd) : 0,
    talkSeconds: s.answeredAt && s.endedAt ? seconds(s.answeredAt, s.endedAt) : 0,
  };
}

/** An inbound call nobody answered (and not refused for a blocked number) is to be called back. */
export const needsCallback = (direction: CallDirection, outcome: CallOutcome | null): outcome is 'missed' | 'abandoned' =>
  direction === 'in' && (outcome === 'missed' || outcome === 'abandoned');
