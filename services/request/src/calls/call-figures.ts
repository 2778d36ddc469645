import { CallDirection, CallOutcome, chinaDay, chinaWallClock } from '@bangbang/contracts';

export const FIGURE_BUCKETS = ['hour', 'day'] as const;
export type FigureBucket = (typeof FIGURE_BUCKETS)[number];
export const FIGURE_GROUPS = ['all', 'street', 'community'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

export interface FigureCall {
  direction: CallDirection;
  arrivedAt: Date;
  answeredAt: Date | null;
  answeredBy: string | null;
  endedAt: Date | null;
  outcome: CallOutcome | null;
  streetCode: string | null;
  communityCode: string | null;
}

export interface FigureCallback {
  createdAt: Date;
  dueAt: Date;
  doneAt: Date | null;
  streetCode: string | null;
  communityCode: string | null;
}

export class CallFigures {
  /** China time: `YYYY-MM-DD HH:00` per hour, `YYYY-MM-DD` per day, `total` for the whole range. */
  period: string;
  /** The street or community code of the caller's household (`unknown`: a number no household has), or `all`. */
  group: string;
  /** Inbound calls that ended, not counting rejected (blocked) numbers. */
  offered: number;
  answered: number;
  abandoned: number;
  missed: number;
  /** 接通率: answered / offered. Null when nothing was offered. */
  answerRate: number | null;
  abandonedRate: number | null;
  /** Seconds from arrival to answer, over answered calls. */
  avgWaitSeconds: number | null;
  /** The 90th percentile of the same (nearest rank). */
  p90WaitSeconds: number | null;
  /** Seconds from answer to hang-up, over answered calls. */
  avgHandlingSeconds: number | null;
  /** Hours in which an agent answered at least one call, summed over agents. */
  agentHours: number;
  callsPerAgentHour: number | null;
  /** Callbacks opened in the period. */
  callbacks: number;
  callbacksDoneOnTime: number;
  /** Done on time / callbacks done or already due; null when none is settled yet. */
  callbacksOnTimeRate: number | null;
}

export interface FigureOptions {
  bucket: FigureBucket;
  by: FigureGroup;
  now: Date;
}

const HOUR_LABEL = (at: Date) => `${chinaWallClock(at).toISOString().slice(0, 13).replace('T', ' ')}:00`;
const DAY_LABEL = chinaDay;

const ratio = (a: number, b: number): number | null => (b ? Math.round((a / b) * 10_000) / 10_000 : null);
const mean = (xs: number[]): number | null => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : null);
const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

/** Nearest-rank percentile: the smallest value with at least p of the values at or below it. */
export function percentile(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

function figures(period: string, group: string, calls: FigureCall[], callbacks: FigureCallback[], now: Date): CallFigures {
  const offered = calls.filter((c) => c.direction === 'in' && c.outcome !== null && c.outcome !== 'blocked');
  const answered = offered.filter((c) => c.outcome === 'answered');
  const waits = answered.filter((c) => c.answeredAt).map((c) => seconds(c.arrivedAt, c.answeredAt!));
  const handling = answered.filter((c) => c.answeredAt && c.endedAt).map((c) => seconds(c.answeredAt!, c.endedAt!));
  const agentHours = new Set(
    answered.filter((c) => c.answeredBy && c.answeredAt).map((c) => `${c.answeredBy}|${HOUR_LABEL(c.answeredAt!)}`),
  ).size;
  const abandoned = offered.filter((c) => c.outcome === 'abandoned').length;
  const settled = callbacks.filter((b) => b.doneAt || b.dueAt <= now);
  const onTime = callbacks.filter((b) => b.doneAt && b.doneAt <= b.dueAt).length;
  const p90 = percentile(waits, 0.9);
  return {
    period,
    group,
    offered: offered.length,
    answered: answered.length,
    abandoned,
    missed: offered.filter((c) => c.outcome === 'missed').length,
    answerRate: ratio(answered.length, offered.length),
    abandonedRate: ratio(abandoned, offered.length),
    avgWaitSeconds: mean(waits),
    p90WaitSeconds: p90 === null ? null : Math.round(p90 * 10) / 10,
    avgHandlingSeconds: mean(handling),
    agentHours,
    callsPerAgentHour: ratio(answered.length, agentHours),
    callbacks: callbacks.length,
    callbacksDoneOnTime: onTime,
    callbacksOnTimeRate: ratio(onTime, settled.length),
  };
}

/**
 * The call centre's figures per hour or day (China time), for the whole district or per street or
 * community of the caller's household; calls count in the period they arrived, callbacks in the
 * period they were opened. Rows come sorted by period, then group, and only where something happened.
 */
export function callFigures(
  calls: FigureCall[],
  callbacks: FigureCallback[],
  options: FigureOptions,
): { rows: CallFigures[]; total: CallFigures } {
  const label = options.bucket === 'hour' ? HOUR_LABEL : DAY_LABEL;
  const groupOf = (x: { streetCode: string | null; communityCode: string | null }) =>
    options.by === 'all' ? 'all' : ((options.by === 'street' ? x.streetCode : x.communityCode) ?? 'unknown');
  const cells = new Map<string, { period: string; group: string; calls: FigureCall[]; callbacks: FigureCallback[] }>();
  const cell = (period: string, group: string) => {
    const key = `${period}|${group}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { period, group, calls: [], callbacks: [] }));
    return c;
  };
  for (const c of calls) cell(label(c.arrivedAt), groupOf(c)).calls.push(c);
  for (const b of callbacks) cell(label(b.createdAt), groupOf(b)).callbacks.push(b);
  const rows = [...cells.values()]
    .sort((a, b) => a.period.localeCompare(b.period) || a.group.localeCompare(b.group))
    .map((c) => figures(c.period, c.group, c.calls, c.callbacks, options.now));
  return { rows, total: figures('total', 'all', calls, callbacks, options.now) };
}

const CSV_COLUMNS: (keyof CallFigures)[] = [
  'period',
  'group',
  'offered',
  'answered',
  'abandoned',
  'missed',
  'answerRate',
  'abandonedRate',
  'avgWaitSeconds',
  'p90WaitSeconds',
  'avgHandlingSeconds',
  'agentHours',
  'callsPerAgentHour',
  'callbacks',
  'callbacksDoneOnTime',
  'callbacksOnTimeRate',
];

/** One line per row, then the total; empty cells where a figure has nothing to divide by. */
export function figuresCsv(result: { rows: CallFigures[]; total: CallFigures }): string {
  const line = (f: CallFigures) => CSV_COLUMNS.map((k) => (f[k] === null ? '' : String(f[k]))).join(',');
  return [CSV_COLUMNS.join(','), ...result.rows.map(line), line(result.total)].join('\r\n') + '\r\n';
}
