/** Check-in opens this long before an activity starts, so people arriving early can be counted. */
export const CHECK_IN_OPENS_MINUTES = 30;

export interface ActivityTimes {
  startsAt: Date;
  endsAt: Date;
}

export class AttendanceRefused extends Error {}

export function assertCheckIn(a: ActivityTimes, at: Date): void {
  const opens = new Date(a.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000);
  if (at < opens)
    throw new AttendanceRefused(`check-in opens at ${opens.toISOString()}, ${CHECK_IN_OPENS_MINUTES} minutes before the activity starts`);
  if (at >= a.endsAt) throw new AttendanceRefused(`the activity ended at ${a.endsAt.toISOString()}`);
}

export function assertCheckOut(checkedInAt: Date, at: Date): void {
  if (at < checkedInAt) throw new AttendanceRefused(`check-out cannot be before the check-in at ${checkedInAt.toISOString()}`);
}

/** Whole minutes served within the activity's own time: arriving early or staying late earns nothing extra. */
export function servedMinutes(a: ActivityTimes, checkedInAt: Date, checkedOutAt: Date): number {
  const from = Math.max(a.startsAt.getTime(), checkedInAt.getTime());
  const to = Math.min(a.endsAt.getTime(), checkedOutAt.getTime());
  return Math.max(0, Math.floor((to - from) / 60_000));
}
