import { CHINA_OFFSET_MS } from '@bangbang/contracts';

export interface CallbackHours {
  /** Working minutes allowed to call back. */
  minutes: number;
  /** Working hours, China time, every day: from `startHour` to `endHour` (0–24). */
  startHour: number;
  endHour: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When a callback is due: `minutes` of working time after the missed call. A call missed at night
 * is due that many minutes into the next morning; one missed just before closing carries over.
 */
export function callbackDueAt(missedAt: Date, hours: CallbackHours): Date {
  let remaining = hours.minutes * 60_000;
  let t = missedAt.getTime();
  for (;;) {
    const dayStart = Math.floor((t + CHINA_OFFSET_MS) / DAY) * DAY - CHINA_OFFSET_MS;
    const open = dayStart + hours.startHour * HOUR;
    const close = dayStart + hours.endHour * HOUR;
    if (t < open) t = open;
    if (t >= close) {
      t = dayStart + DAY + hours.startHour * HOUR;
      continue;
    }
    if (t + remaining <= close) return new Date(t + remaining);
    remaining -= close - t;
    t = dayStart + DAY + hours.startHour * HOUR;
  }
}
