import type { AvailabilityV1, ProviderProfileV1 } from '@bangbang/contracts';

export const TRAINING_MODULES = ['ethos', 'procedure', 'skills', 'safety'] as const;
export type TrainingModule = (typeof TRAINING_MODULES)[number];

export type VolunteerStatus = 'applied' | 'approved' | 'rejected' | 'suspended';

export interface VolunteerState {
  id: string;
  displayName: string;
  orgPath: string;
  status: VolunteerStatus;
  availability: AvailabilityV1;
  pausedUntil: Date | null;
  maxConcurrentJobs: number;
  maxJobsPerDay: number | null;
  maxJobsPerWeek: number | null;
}

export interface CertificateState {
  categoryCode: string;
  expiresAt: Date;
}

/** Pre-service training modules not yet recorded: all four come before the first job. */
export function missingTraining(done: readonly string[]): TrainingModule[] {
  return TRAINING_MODULES.filter((m) => !done.includes(m));
}

/** A specialty counts only while its certificate is valid. */
export function validCategories(certificates: readonly CertificateState[], now: Date): string[] {
  return [...new Set(certificates.filter((c) => c.expiresAt > now).map((c) => c.categoryCode))].sort();
}

/** Dispatchable: approved, fully trained, and neither suspended nor paused. */
export function isActive(v: Pick<VolunteerState, 'status' | 'pausedUntil'>, trainingDone: readonly string[], now: Date): boolean {
  const paused = v.pausedUntil !== null && v.pausedUntil > now;
  return v.status === 'approved' && missingTraining(trainingDone).length === 0 && !paused;
}

/** Whether dispatch has heard, or should hear, of this volunteer as a provider. */
export function isSkilledProvider(v: Pick<VolunteerState, 'status'>, certificates: readonly CertificateState[]): boolean {
  return (v.status === 'approved' || v.status === 'suspended') && certificates.length > 0;
}

export function deriveProfile(
  v: VolunteerState,
  certificates: readonly CertificateState[],
  trainingDone: readonly string[],
  now: Date,
  version: number,
): ProviderProfileV1 {
  return {
    providerId: v.id,
    providerKind: 'volunteer',
    displayName: v.displayName,
    active: isActive(v, trainingDone, now),
    categories: validCategories(certificates, now),
    coverage: [v.orgPath],
    availability: v.availability,
    pausedUntil: v.pausedUntil && v.pausedUntil > now ? v.pausedUntil.toISOString() : null,
    maxConcurrentJobs: v.maxConcurrentJobs,
    // Volunteers serve free: the resident pays nothing for a volunteer's work.
    takesFreeJobs: true,
    maxJobsPerDay: v.maxJobsPerDay,
    maxJobsPerWeek: v.maxJobsPerWeek,
    version,
  };
}
