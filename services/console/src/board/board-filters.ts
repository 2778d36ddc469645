import { SlaClock, SlaRisk, slaState } from '../shared/sla';

export interface BoardFilters {
  community?: string;
  category?: string;
  urgency?: string;
  breachedOnly?: boolean;
}

export interface BoardItem extends SlaClock {
  communityCode: string;
  categoryCode: string;
  urgency: string;
}

/** The board's filters, applied in the browser to the requests the scope returns. */
export function filterBoard<T extends BoardItem>(items: T[], f: BoardFilters, now: number): T[] {
  return items.filter(
    (r) =>
      (!f.community || r.communityCode === f.community) &&
      (!f.category || r.categoryCode === f.category) &&
      (!f.urgency || r.urgency === f.urgency) &&
      (!f.breachedOnly || slaState(r, now)?.risk === 'breached'),
  );
}

/** Most urgent first: the least time left against its deadline. */
export function byTimeLeft<T extends BoardItem>(items: T[], now: number): T[] {
  const left = (r: T) => slaState(r, now)?.remainingMs ?? Number.POSITIVE_INFINITY;
  return [...items].sort((a, b) => left(a) - left(b));
}

const PROGRESS = ['received', 'dispatching', 'escalated', 'assigned', 'on_site', 'completed'];
const JOB_TO_STATUS: Record<string, string> = {
  offering: 'dispatching',
  manual: 'escalated',
  assigned: 'assigned',
  on_site: 'on_site',
  completed: 'completed',
};

/**
 * The column a request sits in. The request service learns of assignment, arrival and completion
 * from dispatch's events a moment after dispatch has them, so the board reads both and shows the
 * furthest along; a request the desk closed or cancelled leaves the board whatever dispatch says.
 */
export function boardStatus(requestStatus: string, jobState: string | undefined): string {
  if (!PROGRESS.includes(requestStatus)) return requestStatus;
  const fromJob = jobState ? JOB_TO_STATUS[jobState] : undefined;
  return fromJob && PROGRESS.indexOf(fromJob) > PROGRESS.indexOf(requestStatus) ? fromJob : requestStatus;
}

export const RISKS: SlaRisk[] = ['ok', 'warning', 'danger', 'breached'];

/** How many requests of each status stand at each risk against their deadline (none for a stopped clock: ok). */
export function riskCounts(items: SlaClock[], statuses: string[], now: number): Record<SlaRisk, number[]> {
  const counts = Object.fromEntries(RISKS.map((r) => [r, statuses.map(() => 0)])) as Record<SlaRisk, number[]>;
  for (const item of items) {
    const column = statuses.indexOf(item.status);
    if (column >= 0) counts[slaState(item, now)?.risk ?? 'ok'][column]++;
  }
  return counts;
}
