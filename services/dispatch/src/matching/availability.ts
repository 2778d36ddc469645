import { type AvailabilityV1, CHINA_OFFSET_MS } from '@bangbang/contracts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** Whether any of the provider's weekly windows overlaps the interval [from, to). */
export function availableDuring(availability: AvailabilityV1, from: Date, to: Date): boolean {
  if (availability.always) return true;
  // Weekly windows are in China time: shifted, the interval's days and minutes read as China's.
  const start = from.getTime() + CHINA_OFFSET_MS;
  const end = Math.min(to.getTime(), from.getTime() + WEEK) + CHINA_OFFSET_MS;
  if (end <= start) return false;
  for (let day = Math.floor(start / DAY); day * DAY < end; day++) {
    // 1970-01-01 was a Thursday (day 4, Sunday being 0).
    const weekday = (day + 4) % 7;
    for (const w of availability.windows) {
      if (w.day !== weekday) continue;
      const open = day * DAY + minutes(w.from) * MINUTE;
      const close = day * DAY + minutes(w.to) * MINUTE;
      if (open < end && close > start) return true;
    }
  }
  return false;
}

/**
 * When a provider must be available: the resident's preferred window if it is still ahead,
 * otherwise from now until the response deadline (at least an hour, for late arrivals).
 */
export function availabilityWindow(
  job: { preferredFrom: Date | null; preferredTo: Date | null; responseDueAt: Date },
  now: Date,
): { from: Date; to: Date } {
  if (job.preferredFrom && job.preferredTo && job.preferredTo > now) {
    return { from: job.preferredFrom > now ? job.preferredFrom : now, to: job.preferredTo };
  }
  const until = Math.max(job.responseDueAt.getTime(), now.getTime() + 60 * MINUTE);
  return { from: now, to: new Date(until) };
}

/** The starts of the China calendar day and week (from Monday) that `now` falls in: job limits count from them. */
export function chinaPeriodStarts(now: Date): { day: Date; week: Date } {
  const local = now.getTime() + CHINA_OFFSET_MS;
  const day = Math.floor(local / DAY) * DAY;
  // 1970-01-01 was a Thursday: days since the last Monday.
  const sinceMonday = (Math.floor(local / DAY) + 3) % 7;
  return { day: new Date(day - CHINA_OFFSET_MS), week: new Date(day - sinceMonday * DAY - CHINA_OFFSET_MS) };
}
