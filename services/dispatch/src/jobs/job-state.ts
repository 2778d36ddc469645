export const JOB_STATES = ['offering', 'manual', 'assigned', 'on_site', 'completed', 'signed_off', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** States a job is still being worked in: what agents watch. */
export const OPEN_STATES: readonly JobState[] = ['offering', 'manual', 'assigned', 'on_site', 'completed'];
/** States in which the provider holds the job and so uses one of its concurrent slots. */
export const HOLDING_STATES: readonly JobState[] = ['assigned', 'on_site'];

const NEXT: Record<JobState, readonly JobState[]> = {
  offering: ['assigned', 'manual', 'cancelled', 'signed_off'],
  manual: ['assigned', 'cancelled', 'signed_off'],
  // assigned → assigned is a reassignment by hand; → offering is the provider cancelling.
  assigned: ['assigned', 'on_site', 'completed', 'offering', 'cancelled', 'signed_off'],
  on_site: ['assigned', 'completed', 'offering', 'cancelled', 'signed_off'],
  completed: ['signed_off', 'offering', 'cancelled'],
  signed_off: ['offering'],
  cancelled: [],
};

const DESCRIBED: Record<JobState, string> = {
  offering: 'is being offered to providers',
  manual: "is waiting in the admin's manual queue",
  assigned: 'is assigned',
  on_site: 'has its provider on site',
  completed: 'is completed',
  signed_off: 'is signed off',
  cancelled: 'is cancelled',
};

export class IllegalTransition extends Error {
  constructor(
    readonly from: JobState,
    readonly to: JobState,
  ) {
    super(`the job ${DESCRIBED[from]}`);
  }
}

export function canMove(from: JobState, to: JobState): boolean {
  return NEXT[from].includes(to);
}

/** Throws, naming the state that forbids it, when a job cannot move from `from` to `to`. */
export function assertMove(from: JobState, to: JobState): void {
  if (!canMove(from, to)) throw new IllegalTransition(from, to);
}
