const DAY_MS = 86_400_000;

/** The longest span one query may cover, and GeoReport's default span when none is given. */
export const MAX_SPAN_DAYS = 90;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export type Window = { start: Date; end: Date } | { error: string };

/**
 * The received-at window of a query: the 90 days up to `end_date` (or now), or the 90 days from
 * `start_date` (but not past now). A wider or backwards span is refused rather than clipped, so a
 * client learns it asked for too much instead of silently missing rows.
 */
export function queryWindow(startDate: string | undefined, endDate: string | undefined, now: Date): Window {
  const span = MAX_SPAN_DAYS * DAY_MS;
  const start = startDate ? new Date(startDate) : undefined;
  const end = endDate ? new Date(endDate) : start ? new Date(Math.min(start.getTime() + span, now.getTime())) : now;
  const from = start ?? new Date(end.getTime() - span);
  if (end < from) return { error: 'end_date: must not be before start_date' };
  if (end.getTime() - from.getTime() > span)
    return { error: `start_date: start_date and end_date may be at most ${MAX_SPAN_DAYS} days apart` };
  return { start: from, end };
}

/** Rows to skip for a 1-based page. */
export function pageOffset(page: number | undefined, size: number): number {
  return ((page ?? 1) - 1) * size;
}
