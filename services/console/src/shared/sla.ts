/** Statuses whose clock has stopped: the visit is done or the request is gone. */
const STOPPED = new Set(['completed', 'signed_off', 'closed', 'cancelled']);
/** Before a provider is assigned the response deadline runs; after, the resolution deadline. */
const AWAITING_RESPONSE = new Set(['received', 'dispatching', 'escalated']);

export type SlaRisk = 'ok' | 'warning' | 'danger' | 'breached';

export interface SlaState {
  deadline: 'response' | 'resolution';
  dueAt: string;
  remainingMs: number;
  risk: SlaRisk;
  /** 剩余 1小时05分 / 已超时 12分. */
  label: string;
}

export interface SlaClock {
  status: string;
  receivedAt: string;
  responseDueAt: string;
  resolutionDueAt: string;
}

const MINUTE = 60_000;

export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  const mins = minutes % 60;
  if (days) return `${days}天${hours}小时`;
  if (hours) return `${hours}小时${String(mins).padStart(2, '0')}分`;
  return minutes ? `${mins}分` : '不到1分';
}

/**
 * The deadline that matters now and how close it is: red once past, amber-red in the last quarter
 * of the window, amber in the last half. Null when the clock has stopped.
 */
export function slaState(r: SlaClock, now: number): SlaState | null {
  if (STOPPED.has(r.status)) return null;
  const deadline = AWAITING_RESPONSE.has(r.status) ? 'response' : 'resolution';
  const dueAt = deadline === 'response' ? r.responseDueAt : r.resolutionDueAt;
  const due = Date.parse(dueAt);
  const remainingMs = due - now;
  const windowMs = Math.max(1, due - Date.parse(r.receivedAt));
  const left = remainingMs / windowMs;
  const risk: SlaRisk = remainingMs < 0 ? 'breached' : left < 0.25 ? 'danger' : left < 0.5 ? 'warning' : 'ok';
  const label = remainingMs < 0 ? `已超时 ${formatDuration(remainingMs)}` : `剩余 ${formatDuration(remainingMs)}`;
  return { deadline, dueAt, remainingMs, risk, label };
}

export const RISK_COLOURS: Record<SlaRisk, string> = { ok: 'green', warning: 'gold', danger: 'orange', breached: 'red' };
