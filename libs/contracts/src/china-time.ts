/**
 * The help team's calendar is China time (UTC+8, no daylight saving): weekly availability windows,
 * request numbers, and the days, months and years that figures and rankings are cut by.
 */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A Date whose UTC fields read as the China wall clock at `at` (for getUTCDay, getUTCHours, …). */
export function chinaWallClock(at: Date | string): Date {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS);
}

/** The China calendar day of an instant: `YYYY-MM-DD`. */
export function chinaDay(at: Date | string): string {
  return chinaWallClock(at).toISOString().slice(0, 10);
}
