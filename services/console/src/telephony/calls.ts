import type { components } from '../api/schema';
import { formatDuration } from '../shared/sla';

export type LiveCall = components['schemas']['LiveCall'];
export type Callback = components['schemas']['request.CallbackView'];
export type CallFigures = components['schemas']['request.CallFiguresView']['total'];

/** The call facts the console reacts to, as the gateway's live stream names them. */
export const CALL_RANG = 'bangbang.request.call-rang.v1';
export const CALL_ANSWERED = 'bangbang.request.call-answered.v1';
export const CALL_ENDED = 'bangbang.request.call-ended.v1';

/** The screen pop the agent's workspace shows for a call, from the live facts about it. */
export interface ScreenPop {
  callId: string;
  number: string;
  householdId?: string;
  /** Answered here: the pop stays with this agent. */
  locked: boolean;
  ended: boolean;
}

/**
 * The pop after one more live fact. A ring for this agent opens it; the answer by this agent locks
 * it, by anyone else closes it (someone else has the caller); the end keeps a locked pop so the
 * agent can finish the intake, and closes one nobody here answered.
 */
export function nextPop(pop: ScreenPop | undefined, call: LiveCall, me: string): ScreenPop | undefined {
  if (call.type === CALL_RANG && call.agentId === me && call.caller) {
    if (pop?.locked && !pop.ended && pop.callId !== call.callId) return pop;
    return { callId: call.callId, number: call.caller.number, householdId: call.caller.householdId, locked: false, ended: false };
  }
  if (!pop || pop.callId !== call.callId) return pop;
  if (call.type === CALL_ANSWERED) return call.agentId === me ? { ...pop, locked: true } : undefined;
  if (call.type === CALL_ENDED) return pop.locked ? { ...pop, ended: true } : undefined;
  return pop;
}

/** A callback's time left, or how late it is: red once past its deadline, amber within ten minutes. */
export function callbackClock(b: Pick<Callback, 'dueAt' | 'status'>, now: number): { label: string; colour: string; overdue: boolean } {
  const left = Date.parse(b.dueAt) - now;
  if (left <= 0) return { label: `已超时 ${formatDuration(-left)}`, colour: 'red', overdue: true };
  return { label: `剩 ${formatDuration(left)}`, colour: left <= 10 * 60_000 ? 'gold' : 'green', overdue: false };
}

export const secondsText = (x: number | null): string => (x === null ? '—' : `${x.toFixed(1)} 秒`);

/** China-time month as the call figures' range: from its first midnight to the next month's. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const from = new Date(Date.UTC(y, m - 1, 1) - 8 * 3_600_000);
  const to = new Date(Date.UTC(y, m, 1) - 8 * 3_600_000);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** Per group, the month's calls summed over its days: counts add up, so the rates made from them are exact. */
export function sumByGroup(
  rows: CallFigures[],
): { group: string; offered: number; answered: number; abandoned: number; answerRate: number | null }[] {
  const groups = new Map<string, { group: string; offered: number; answered: number; abandoned: number }>();
  for (const r of rows) {
    const g = groups.get(r.group) ?? { group: r.group, offered: 0, answered: 0, abandoned: 0 };
    g.offered += r.offered;
    g.answered += r.answered;
    g.abandoned += r.abandoned;
    groups.set(r.group, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, answerRate: g.offered ? g.answered / g.offered : null }))
    .sort((a, b) => b.offered - a.offered || a.group.localeCompare(b.group));
}
