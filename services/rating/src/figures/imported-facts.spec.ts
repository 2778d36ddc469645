import type { RequestImportedV1 } from '@bangbang/contracts';
import { contribution } from './contribution';
import { importedFacts } from './imported-facts';
import { applyFact, emptyJob } from './job-fact';

const imported: RequestImportedV1 = {
  requestId: '5c2e8a41-9b3d-4f7a-8e1c-2d4b6f8a0c13',
  number: 'R20260614-000812',
  communityId: 'jincheng',
  orgPath: '/nanchang/jinxing/jincheng/',
  categoryCode: 'pipe-unclogging',
  kind: 'home_service',
  urgency: 'utilities',
  feePolicy: 'low_cost',
  receivedAt: '2026-06-14T01:20:00.000Z',
  responseDueAt: '2026-06-14T05:20:00.000Z',
  resolutionDueAt: '2026-06-15T01:20:00.000Z',
  source: 'old-hotline',
  externalRef: 'HX-1',
  acceptedAt: '2026-06-14T01:42:00.000Z',
  providerId: 'm-1',
  providerKind: 'merchant',
  signedOffAt: '2026-06-14T04:05:00.000Z',
  solved: true,
  rating: { team: 'satisfied', provider: 'basically_satisfied', solved: true, tags: ['punctual'], ratedAt: '2026-07-01T02:00:00.000Z' },
  importedBy: 'district-admin',
};

const fold = (d: RequestImportedV1) => importedFacts(d).reduce(applyFact, emptyJob(d.requestId));
const districtDays = (d: RequestImportedV1) =>
  contribution(fold(d))
    .filter((e) => e.dim === 'district')
    .map((e) => ({ day: e.day, ...Object.fromEntries(Object.entries(e.counters).filter(([, n]) => n !== 0)) }));

describe('a past request imported from the previous system', () => {
  it('counts on the days its own facts say: response and resolution on their deadlines in June, the rating on 1 July (China time)', () => {
    expect(districtDays(imported)).toEqual([
      { day: '2026-06-14', responseDue: 1, responseOk: 1 },
      { day: '2026-06-15', resolutionDue: 1, resolutionOk: 1 },
      expect.objectContaining({ day: '2026-07-01', ratings: 1, teamOk: 1, providerOk: 1, providerStars: 4, tagPunctual: 1 }),
    ]);
  });

  it('counts a late acceptance as late and as a breach, and an unrated job with no rating', () => {
    const late = { ...imported, acceptedAt: '2026-06-14T06:00:00.000Z', signedOffAt: '2026-06-14T08:00:00.000Z', rating: undefined };
    expect(districtDays(late)).toEqual([
      { day: '2026-06-14', responseDue: 1, breaches: 1 },
      { day: '2026-06-15', resolutionDue: 1, resolutionOk: 1 },
    ]);
  });

  it('counts a sign-off after the resolution deadline as a breach on the deadline’s day', () => {
    const slow = { ...imported, signedOffAt: '2026-06-16T03:00:00.000Z' };
    expect(districtDays(slow).slice(0, 2)).toEqual([
      { day: '2026-06-14', responseDue: 1, responseOk: 1 },
      { day: '2026-06-15', resolutionDue: 1, breaches: 1 },
    ]);
  });
});
