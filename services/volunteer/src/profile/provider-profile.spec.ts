import { deriveProfile, isActive, isSkilledProvider, missingTraining, validCategories, VolunteerState } from './provider-profile';

const NOW = new Date('2026-11-25T10:00:00Z');
const volunteer: VolunteerState = {
  id: 'vol-1',
  displayName: 'Wang Jianguo',
  orgPath: '/nanchang/jinxing/jincheng/',
  status: 'approved',
  availability: { always: false, windows: [{ day: 6, from: '09:00', to: '17:00' }] },
  pausedUntil: null,
  maxConcurrentJobs: 2,
  maxJobsPerDay: 1,
  maxJobsPerWeek: null,
};
const ALL = ['ethos', 'procedure', 'skills', 'safety'];
const certs = [
  { categoryCode: 'water-electric-repair', expiresAt: new Date('2027-01-01T00:00:00Z') },
  { categoryCode: 'appliance-repair', expiresAt: new Date('2026-11-25T10:00:00Z') },
];

describe('provider profile of a volunteer', () => {
  it('lists what training is missing', () => {
    expect(missingTraining(['safety', 'ethos'])).toEqual(['procedure', 'skills']);
    expect(missingTraining(ALL)).toEqual([]);
  });

  it('drops a specialty the moment its certificate expires', () => {
    expect(validCategories(certs, NOW)).toEqual(['water-electric-repair']);
    expect(validCategories(certs, new Date('2026-11-25T09:59:59Z'))).toEqual(['appliance-repair', 'water-electric-repair']);
  });

  it('is active only when approved, fully trained, not suspended and not paused', () => {
    expect(isActive(volunteer, ALL, NOW)).toBe(true);
    expect(isActive(volunteer, ['ethos', 'procedure', 'skills'], NOW)).toBe(false);
    expect(isActive({ ...volunteer, status: 'suspended' }, ALL, NOW)).toBe(false);
    expect(isActive({ ...volunteer, pausedUntil: new Date('2026-12-01T00:00:00Z') }, ALL, NOW)).toBe(false);
    expect(isActive({ ...volunteer, pausedUntil: new Date('2026-11-01T00:00:00Z') }, ALL, NOW)).toBe(true);
  });

  it('is a provider only once approved and with a specialty', () => {
    expect(isSkilledProvider({ status: 'applied' }, certs)).toBe(false);
    expect(isSkilledProvider({ status: 'approved' }, [])).toBe(false);
    expect(isSkilledProvider({ status: 'suspended' }, certs)).toBe(true);
  });

  it('builds the full snapshot dispatch needs', () => {
    expect(deriveProfile(volunteer, certs, ALL, NOW, 3)).toEqual({
      providerId: 'vol-1',
      providerKind: 'volunteer',
      displayName: 'Wang Jianguo',
      active: true,
      categories: ['water-electric-repair'],
      coverage: ['/nanchang/jinxing/jincheng/'],
      availability: volunteer.availability,
      pausedUntil: null,
      maxConcurrentJobs: 2,
      takesFreeJobs: true,
      maxJobsPerDay: 1,
      maxJobsPerWeek: null,
      version: 3,
    });
  });
});
