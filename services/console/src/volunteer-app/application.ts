import type { components } from '../api/schema';

export type Application = components['schemas']['volunteer.ApplicationDto'];

/** What the volunteer typed for one specialty: the category and its certificate. */
export interface SpecialtyInput {
  categoryCode: string;
  certificateName: string;
  certificateNumber: string;
  /** The day printed on the certificate, YYYY-MM-DD. */
  expiresOn: string;
}

/**
 * The application as the volunteer service takes it. A certificate is good through the last day
 * printed on it (China time), and availability starts as "any time": the volunteer narrows it later.
 */
export function applicationBody(displayName: string, homeCommunityPath: string, specialties: SpecialtyInput[]): Application {
  return {
    displayName: displayName.trim(),
    homeCommunityPath,
    specialties: specialties.map((s) => ({
      categoryCode: s.categoryCode,
      certificate: {
        name: s.certificateName.trim(),
        number: s.certificateNumber.trim(),
        expiresAt: new Date(`${s.expiresOn}T23:59:59+08:00`).toISOString(),
      },
    })),
    availability: { always: true, windows: [] },
  };
}
