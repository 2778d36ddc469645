import type { JobFactV1 } from '@bangbang/contracts';
import type { Principal } from '@bangbang/auth';
import type { ProviderKind } from '@bangbang/contracts';
import type { DispatchJob } from './dispatch-job.entity';

/** What every dispatch fact says about its job. */
export const jobFact = (job: DispatchJob, at: Date): JobFactV1 => ({
  requestId: job.requestId,
  orgPath: job.orgPath,
  categoryCode: job.categoryCode,
  at: at.toISOString(),
});

/** A partner unit's system acts for merchants and social organisations; a volunteer for themself. */
export function actsAs(principal: Principal, providerId: string, kind: ProviderKind): boolean {
  if (principal.id !== providerId) return false;
  if (principal.kind === 'volunteer') return kind === 'volunteer';
  return principal.kind === 'merchant' && kind !== 'volunteer';
}
