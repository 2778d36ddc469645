import { TestPrincipal } from '@bangbang/testing';
import { admin, HUAIGU, inDays, JINCHENG, volunteer, VolunteerHarness } from '../test/volunteer-harness';

/** Who may read the volunteer service's lists, rankings and points rules (issue 12). */
describe('volunteer read access', () => {
  let h: VolunteerHarness;
  const merchant: TestPrincipal = { id: 'unit-plumbing', kind: 'merchant', role: 'merchant', org: 'jincheng', orgPath: JINCHENG };
  const pending = volunteer('v-pending', JINCHENG);
  const enc = encodeURIComponent;

  beforeAll(async () => {
    h = await VolunteerHarness.start();
    const a = admin(JINCHENG);
    expect((await h.as(a, 'POST', '/teams', { name: 'Pipes', unitPath: JINCHENG })).statusCode).toBe(201);
    expect(
      (
        await h.as(a, 'POST', '/activities', {
          title: 'Elder visits',
          place: 'Block 3',
          unitPath: JINCHENG,
          startsAt: inDays(2),
          endsAt: inDays(2.1),
          capacity: 5,
          pointsPerHour: 5,
        })
      ).statusCode,
    ).toBe(201);
    expect((await h.as(a, 'POST', '/rewards', { name: 'Rice', unitPath: JINCHENG, costPoints: 10, stock: 3 })).statusCode).toBe(201);
    await h.approvedVolunteer('v-ok', { orgPath: JINCHENG });
    // Declares Jincheng as home, but nobody has approved it yet.
    const applied = await h.as(pending, 'POST', '/applications', {
      displayName: 'Pending',
      homeCommunityPath: JINCHENG,
      specialties: [],
      availability: { always: true, windows: [] },
      maxConcurrentJobs: 1,
    });
    expect(applied.statusCode).toBe(201);
  });

  afterAll(() => h?.stop());

  it('does not let merchants list teams, activities or rewards', async () => {
    for (const url of ['/teams', '/activities', '/rewards'])
      expect([url, (await h.as(merchant, 'GET', url)).statusCode]).toEqual([url, 403]);
    expect((await h.as(admin(JINCHENG), 'GET', '/activities')).json()).toHaveLength(1);
  });

  it('gives a volunteer nothing of their declared community before approval', async () => {
    expect((await h.as(pending, 'GET', `/rankings?unit=${enc(JINCHENG)}&period=month`)).statusCode).toBe(404);
    expect((await h.as(pending, 'GET', '/activities')).json()).toEqual([]);
    expect((await h.as(pending, 'GET', '/rewards')).json()).toEqual([]);
    const approved = volunteer('v-ok', JINCHENG);
    expect((await h.as(approved, 'GET', `/rankings?unit=${enc(JINCHENG)}&period=month`)).statusCode).toBe(200);
    expect((await h.as(approved, 'GET', '/activities')).json()).toHaveLength(1);
    expect((await h.as(approved, 'GET', '/rewards')).json()).toHaveLength(1);
  });

  it('shows the points rules only to staff in scope and approved volunteers of the unit', async () => {
    const url = (unit: string) => `/points/config?unit=${enc(unit)}`;
    expect((await h.as(admin(JINCHENG), 'GET', url(JINCHENG))).statusCode).toBe(200);
    expect((await h.as(admin(JINCHENG), 'GET', url(HUAIGU))).statusCode).toBe(404);
    expect((await h.as(merchant, 'GET', url(JINCHENG))).statusCode).toBe(403);
    expect((await h.as(pending, 'GET', url(JINCHENG))).statusCode).toBe(404);
    expect((await h.as(volunteer('v-ok', JINCHENG), 'GET', url(JINCHENG))).statusCode).toBe(200);
    expect((await h.as(volunteer('v-ok', JINCHENG), 'GET', url(HUAIGU))).statusCode).toBe(404);
  });
});
