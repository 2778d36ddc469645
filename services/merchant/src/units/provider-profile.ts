import type { ProviderProfileV1 } from '@bangbang/contracts';
import type { PartnerUnit } from './partner-unit.entity';
import { takesJobs } from './unit-lifecycle';

/** The unit as dispatch needs it: categories from its price list, coverage as org paths. */
export function providerProfile(unit: PartnerUnit, categories: string[]): ProviderProfileV1 {
  return {
    providerId: unit.id,
    providerKind: unit.kind,
    displayName: unit.displayName,
    active: takesJobs(unit.status),
    categories: [...categories].sort(),
    coverage: unit.coverage,
    availability: unit.serviceHours,
    pausedUntil: null,
    maxConcurrentJobs: unit.maxConcurrentJobs,
    takesFreeJobs: unit.takesFreeJobs,
    version: unit.version,
  };
}
