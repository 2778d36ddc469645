import type { Urgency } from '@bangbang/contracts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Deadlines by urgency class. The hotline standard gives one figure per class: an emergency is
 * responded to within 2 h; utilities (water, power, gas, heating) are resolved within 24 h, general
 * matters within 7 days and complex ones within 15. The other half of each pair is ours: how soon a
 * provider must have accepted (response) and by when the job must be signed off (resolution).
 */
export const DEADLINES: Record<Urgency, { responseMs: number; resolutionMs: number }> = {
  emergency: { responseMs: 2 * HOUR, resolutionMs: 24 * HOUR },
  utilities: { responseMs: 4 * HOUR, resolutionMs: 24 * HOUR },
  general: { responseMs: 24 * HOUR, resolutionMs: 7 * DAY },
  complex: { responseMs: 24 * HOUR, resolutionMs: 15 * DAY },
};

export function deadlinesFor(urgency: Urgency, receivedAt: Date): { responseDueAt: Date; resolutionDueAt: Date } {
  const { responseMs, resolutionMs } = DEADLINES[urgency];
  return {
    responseDueAt: new Date(receivedAt.getTime() + responseMs),
    resolutionDueAt: new Date(receivedAt.getTime() + resolutionMs),
  };
}
