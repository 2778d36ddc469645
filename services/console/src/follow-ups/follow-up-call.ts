export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export type CallResult = 'reached' | 'unreachable' | 'refused';

export const CALL_RESULTS: Record<CallResult, string> = { reached: '已接通回访', unreachable: '无法接通', refused: '居民拒绝回访' };

/** What the agent records on the call. */
export interface CallValues {
  result: CallResult;
  team?: Satisfaction;
  provider?: Satisfaction;
  solved?: boolean;
  notes?: string;
}

export interface CallPlan {
  /** The resident's answers: a first rating for a job nobody rated, else a correction of theirs. */
  rating?: { mode: 'new' | 'amend'; body: { team: Satisfaction; provider: Satisfaction; solved: boolean; reason?: string } };
  outcome: { result: CallResult; notes?: string };
  /** Not solved: the rating service asks for the work to be redone. */
  redo: boolean;
}

const AMEND_REASON = '回访电话中居民更正评价';

/** Why a reached call cannot be saved yet, or null. */
export function callProblem(v: CallValues): string | null {
  if (v.result !== 'reached') return null;
  if (!v.team || !v.provider || v.solved === undefined) return '请记录居民的两项满意度和问题是否解决';
  return null;
}

/** The calls to make for what the agent recorded; only a reached resident gives answers. */
export function callPlan(queuedBecause: string, v: CallValues): CallPlan {
  const notes = v.notes?.trim();
  const outcome = { result: v.result, ...(notes ? { notes } : {}) };
  if (v.result !== 'reached' || !v.team || !v.provider || v.solved === undefined) return { outcome, redo: false };
  const answers = { team: v.team, provider: v.provider, solved: v.solved };
  const mode = queuedBecause === 'not_rated' ? 'new' : 'amend';
  return { rating: { mode, body: mode === 'amend' ? { ...answers, reason: AMEND_REASON } : answers }, outcome, redo: !v.solved };
}
