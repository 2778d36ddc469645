import type { RequestImportedV1 } from '@bangbang/contracts';
import { Fact } from './job-fact';

/**
 * A past request from the district's previous system, as the facts a live one would have made:
 * created with its deadlines, accepted, signed off, rated (revision 1) — each at its own time.
 * A deadline it passed undecided is breached at that deadline, as dispatch's clock would have said.
 */
export function importedFacts(d: RequestImportedV1): Fact[] {
  const placed = { orgPath: d.orgPath, categoryCode: d.categoryCode };
  const provider = { providerId: d.providerId, providerKind: d.providerKind };
  const facts: Fact[] = [
    { type: 'created', kind: d.kind, responseDueAt: d.responseDueAt, resolutionDueAt: d.resolutionDueAt, ...placed },
    { type: 'assigned', at: d.acceptedAt, ...provider, ...placed },
    { type: 'signed-off', at: d.signedOffAt, solved: d.solved, resolutionDueAt: d.resolutionDueAt, ...provider, ...placed },
  ];
  if (Date.parse(d.acceptedAt) > Date.parse(d.responseDueAt))
    facts.push({ type: 'breached', deadline: 'response', at: d.responseDueAt, ...placed });
  if (Date.parse(d.signedOffAt) > Date.parse(d.resolutionDueAt))
    facts.push({ type: 'breached', deadline: 'resolution', at: d.resolutionDueAt, ...placed });
  if (d.rating) {
    const { team, provider: aboutProvider, solved, tags, ratedAt } = d.rating;
    facts.push({ type: 'rated', revision: 1, ratedAt, team, provider: aboutProvider, solved, tags, ...provider, ...placed });
  }
  return facts;
}
