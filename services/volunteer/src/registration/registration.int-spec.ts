import {
  ProviderProfileV1,
  RequestCreated,
  RequestCreatedV1,
  VolunteerApproved,
  VolunteerProviderProfile,
  VolunteerStatusChanged,
  VolunteerStatusChangedV1,
} from '@bangbang/contracts';
import { createTestDatabase, serviceEnv, startTestApp, TestDatabase, waitFor, watchTransactions } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { dispatchService } from '../../../dispatch/src/dispatch.service-definition';
import { admin, HUAIGU, inDays, JINCHENG, VolunteerHarness, volunteer } from '../../test/volunteer-harness';
import { VolunteerView } from './volunteer-view';

const application = (over: object = {}) => ({
  displayName: 'Wang Jianguo',
  homeCommunityPath: JINCHENG,
  specialties: [
    {
      categoryCode: 'water-electric-repair',
      certificate: { name: '低压电工作业证', number: 'T320102198001011234', expiresAt: inDays(400) },
    },
  ],
  availability: { always: false, windows: [{ day: 6, from: '09:00', to: '17:00' }] },
  maxConcurrentJobs: 1,
  ...over,
});

describe('registration, review, training and the provider profile', () => {
  let h: VolunteerHarness;
  let dispatchDb: TestDatabase;
  let dispatch: NestFastifyApplication;
  let dispatchPg: Client;

  beforeAll(async () => {
    h = await VolunteerHarness.start();
    dispatchDb = await createTestDatabase();
    // Dispatch runs in-process on the same topics and trusts the same issuer: the real consumer of the profiles.
    dispatch = await startTestApp(dispatchService, serviceEnv(dispatchDb, h.prefix, h.issuer.env()));
    dispatchPg = new Client({ connectionString: dispatchDb.url });
    await dispatchPg.connect();
    await h.watchPublished();
  });

  afterAll(async () => {
    await dispatchPg?.end();
    await dispatch?.close();
    await dispatchDb?.drop();
    await h?.stop();
  });

  const profiles = (id: string) => h.publishedOf<ProviderProfileV1>(VolunteerProviderProfile.type, id);

  it('refuses a bad application naming the field, and stores nothing', async () => {
    const res = await h.as(volunteer('v-bad'), 'POST', '/applications', application({ homeCommunityPath: '/nanchang/' }));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().message)).toContain('homeCommunityPath');
    const expired = await h.as(
      volunteer('v-bad'),
      'POST',
      '/applications',
      application({
        specialties: [{ categoryCode: 'pipe-unclogging', certificate: { name: 'x', number: '1', expiresAt: inDays(-1) } }],
      }),
    );
    expect(expired.statusCode).toBe(400);
    expect(expired.json().message).toContain('the certificate for pipe-unclogging has expired');
    expect(await h.rows('SELECT id FROM volunteer')).toEqual([]);
  });

  it('lets only an admin in scope review, and never the applicant themself', async () => {
    const me = volunteer('v-self');
    expect((await h.as(me, 'POST', '/applications', application())).statusCode).toBe(201);
    expect((await h.as(me, 'POST', '/applications', application())).statusCode).toBe(409);

    const asVolunteer = await h.as(me, 'POST', '/volunteers/v-self/approve', {});
    expect(asVolunteer.statusCode).toBe(403);
    // The same person holding an admin account still cannot approve their own application.
    const selfAdmin = await h.as(admin(JINCHENG, 'community_admin', 'v-self'), 'POST', '/volunteers/v-self/approve', {});
    expect(selfAdmin.statusCode).toBe(403);
    expect(selfAdmin.json().message).toContain('their own registration');
    const otherCommunity = await h.as(admin(HUAIGU), 'POST', '/volunteers/v-self/approve', {});
    expect(otherCommunity.statusCode).toBe(404);
    expect((await h.rows('SELECT status FROM volunteer WHERE id = $1', ['v-self']))[0]).toEqual({ status: 'applied' });
  });

  it('rejects with a reason, and takes a new application afterwards', async () => {
    const v = volunteer('v-rejected');
    await h.as(v, 'POST', '/applications', application());
    const noReason = await h.as(admin(), 'POST', '/volunteers/v-rejected/reject', {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await h.as(admin(), 'POST', '/volunteers/v-rejected/reject', { reason: 'licence number does not match the card' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reviewReason: 'licence number does not match the card' });
    expect((await h.as(admin(), 'POST', '/volunteers/v-rejected/approve', {})).statusCode).toBe(409);
    const again = await h.as(v, 'POST', '/applications', application({ displayName: 'Wang J.' }));
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ status: 'applied', displayName: 'Wang J.' });
  });

  it('publishes approval and a profile that becomes active only once all four training modules are recorded', async () => {
    const v = volunteer('v-wang');
    await h.as(v, 'POST', '/applications', application());
    const approved = await h.as(admin(), 'POST', '/volunteers/v-wang/approve', {});
    expect(approved.statusCode).toBe(200);
    expect(approved.json().training.missing).toEqual(['ethos', 'procedure', 'skills', 'safety']);
    // Staff see the certificate masked; the volunteer sees their own in full.
    expect(approved.json().specialties[0].certificate.number).toBe('***************1234');
    expect((await h.as(v, 'GET', '/me')).json().specialties[0].certificate.number).toBe('T320102198001011234');

    await waitFor(async () => h.publishedOf(VolunteerApproved.type, 'v-wang').length === 1, { what: 'approved.v1' });
    const [first] = await waitFor(async () => profiles('v-wang').length === 1 && profiles('v-wang'), { what: 'the first profile' });
    expect(first).toMatchObject({
      providerKind: 'volunteer',
      active: false,
      categories: ['water-electric-repair'],
      coverage: [JINCHENG],
      takesFreeJobs: true,
      version: 1,
    });

    for (const module of ['ethos', 'procedure', 'skills']) {
      await h.as(admin(), 'POST', '/volunteers/v-wang/training', { module, completedOn: '2026-01-10' });
    }
    const bad = await h.as(admin(), 'POST', '/volunteers/v-wang/training', { module: 'first-aid', completedOn: '2026-01-10' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().message)).toContain('module');
    await h.as(admin(), 'POST', '/volunteers/v-wang/training', { module: 'safety', completedOn: '2026-01-11' });
    const all = await waitFor(async () => profiles('v-wang').length === 5 && profiles('v-wang'), { what: 'a profile per training record' });
    expect(all.map((p) => [p.version, p.active])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, true],
    ]);
  });

  it('publishes availability changes, with a pause making the volunteer inactive until it ends', async () => {
    const v = volunteer('v-wang');
    const bad = await h.as(v, 'PUT', '/me/availability', {
      availability: { always: false, windows: [{ day: 9, from: '09:00', to: '17:00' }] },
      maxConcurrentJobs: 1,
    });
    expect(bad.statusCode).toBe(400);
    const until = new Date(Date.now() + 1_500).toISOString();
    const paused = await h.as(v, 'PUT', '/me/availability', {
      availability: { always: true, windows: [] },
      pausedUntil: until,
      maxConcurrentJobs: 3,
    });
    expect(paused.statusCode).toBe(200);
    const pausedProfile = await waitFor(async () => profiles('v-wang').find((p) => p.version === 6), { what: 'the paused profile' });
    expect(pausedProfile).toMatchObject({ active: false, pausedUntil: until, maxConcurrentJobs: 3, availability: { always: true } });
    // Nobody acts when the pause ends: the refresh scan republishes.
    const resumed = await waitFor(async () => profiles('v-wang').find((p) => p.version === 7), { what: 'the profile after the pause' });
    expect(resumed).toMatchObject({ active: true, pausedUntil: null });
  });

  it('publishes the daily and weekly job limits a volunteer sets, and refuses nonsense naming the field', async () => {
    const v = volunteer('v-wang');
    const always = { always: true, windows: [] };
    const zero = await h.as(v, 'PUT', '/me/availability', { availability: always, maxConcurrentJobs: 3, maxJobsPerDay: 0 });
    expect(zero.statusCode).toBe(400);
    expect(JSON.stringify(zero.json().message)).toContain('maxJobsPerDay');
    const text = await h.as(v, 'PUT', '/me/availability', { availability: always, maxConcurrentJobs: 3, maxJobsPerWeek: 'five' });
    expect(text.statusCode).toBe(400);
    expect(JSON.stringify(text.json().message)).toContain('maxJobsPerWeek');
    const inverted = await h.as(v, 'PUT', '/me/availability', {
      availability: always,
      maxConcurrentJobs: 3,
      maxJobsPerDay: 4,
      maxJobsPerWeek: 3,
    });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().message).toBe('maxJobsPerWeek must be at least maxJobsPerDay');

    const before = Math.max(...profiles('v-wang').map((p) => p.version));
    const limited = await h.as(v, 'PUT', '/me/availability', {
      availability: always,
      maxConcurrentJobs: 3,
      maxJobsPerDay: 2,
      maxJobsPerWeek: 5,
    });
    expect(limited.statusCode).toBe(200);
    expect(limited.json()).toMatchObject({ maxJobsPerDay: 2, maxJobsPerWeek: 5 });
    const published = await waitFor(async () => profiles('v-wang').find((p) => p.version === before + 1), {
      what: 'the profile with limits',
    });
    expect(published).toMatchObject({ maxJobsPerDay: 2, maxJobsPerWeek: 5, active: true });
    // Leaving them out lifts them, as leaving out pausedUntil ends a pause.
    await h.as(v, 'PUT', '/me/availability', { availability: always, maxConcurrentJobs: 3 });
    const lifted = await waitFor(async () => profiles('v-wang').find((p) => p.version === before + 2), {
      what: 'the profile without limits',
    });
    expect(lifted).toMatchObject({ maxJobsPerDay: null, maxJobsPerWeek: null });
  });

  it('stops dispatch offering a specialty once its certificate expires, end to end through Kafka', async () => {
    const expiresAt = new Date(Date.now() + 6_000).toISOString();
    const certified = await h.as(admin(), 'POST', '/volunteers/v-wang/certificates', {
      categoryCode: 'appliance-repair',
      certificate: { name: '家用电器维修工证', number: 'JD-2026-0042', expiresAt },
    });
    expect(certified.statusCode).toBe(200);
    await waitFor(
      async () =>
        (await dispatchPg.query(`SELECT 1 FROM dispatch_provider WHERE provider_id = 'v-wang' AND 'appliance-repair' = ANY(categories)`))
          .rowCount === 1,
      { what: 'dispatch to hold the new specialty' },
    );
    const staff = admin('/nanchang/', 'district_admin');
    const candidatesFor = async (requestId: string) => {
      const res = await h.issuer
        .bearer(staff)
        .then((headers) => dispatch.inject({ method: 'GET', url: `/jobs/${requestId}/candidates`, headers }));
      return res.statusCode === 200 && (res.json() as Array<{ ranked: { providerId: string }[] }>).length > 0 ? res.json() : undefined;
    };

    const before = jobRequest('appliance-repair');
    await h.produce(RequestCreated, [{ subject: before.requestId, data: before }]);
    const rankedBefore = await waitFor(() => candidatesFor(before.requestId), { what: 'the ranking before expiry' });
    expect({
      ranked: rankedBefore[0].ranked.map((c: { providerId: string }) => c.providerId),
      excluded: rankedBefore[0].excluded,
    }).toMatchObject({ ranked: ['v-wang'] });

    const { version: certifiedIn } = await waitFor(async () => profiles('v-wang').find((p) => p.categories.includes('appliance-repair')), {
      what: 'the profile with the new specialty',
    });
    const lapsed = await waitFor(
      async () => profiles('v-wang').find((p) => !p.categories.includes('appliance-repair') && p.version > certifiedIn),
      {
        what: 'the profile republished without the lapsed specialty',
        timeoutMs: 20_000,
      },
    );
    expect(lapsed.categories).toEqual(['water-electric-repair']);
    expect(lapsed.active).toBe(true);
    await waitFor(
      async () =>
        (await dispatchPg.query(`SELECT 1 FROM dispatch_provider WHERE provider_id = 'v-wang' AND version >= $1`, [lapsed.version]))
          .rowCount === 1,
      { what: 'dispatch to take the new profile' },
    );

    const after = jobRequest('appliance-repair');
    await h.produce(RequestCreated, [{ subject: after.requestId, data: after }]);
    // Dispatch has ranked the job (at every level it searched) and the volunteer is nowhere in it.
    const rankedAfter = await waitFor(() => candidatesFor(after.requestId), { what: 'the ranking after expiry' });
    const everyone = JSON.stringify(rankedAfter);
    expect(everyone).not.toContain('v-wang');
    // The volunteer's other specialty is still dispatchable.
    const other = jobRequest('water-electric-repair');
    await h.produce(RequestCreated, [{ subject: other.requestId, data: other }]);
    const rankedOther = await waitFor(() => candidatesFor(other.requestId), { what: 'the ranking for the valid specialty' });
    expect(rankedOther[0].ranked.map((c: { providerId: string }) => c.providerId)).toContain('v-wang');
  });

  it('suspends a volunteer at once: the gateway is told, dispatch stops offering and refuses an accept of an offer made before', async () => {
    const r = jobRequest('water-electric-repair');
    await h.produce(RequestCreated, [{ subject: r.requestId, data: r }]);
    const offer = await waitFor(
      async () =>
        (
          await dispatchPg.query(
            `SELECT offer_id FROM dispatch_offer WHERE request_id = $1 AND provider_id = 'v-wang' AND status = 'open'`,
            [r.requestId],
          )
        ).rows[0],
      { what: 'an offer to the volunteer' },
    );
    const suspended = await h.as(admin(), 'POST', '/volunteers/v-wang/suspend', { reason: 'complaint under review' });
    expect(suspended.statusCode).toBe(200);
    const [fact] = await waitFor(
      async () =>
        h.publishedOf<VolunteerStatusChangedV1>(VolunteerStatusChanged.type, 'v-wang').length === 1 &&
        h.publishedOf<VolunteerStatusChangedV1>(VolunteerStatusChanged.type, 'v-wang'),
      {
        what: 'status-changed.v1',
      },
    );
    expect(fact).toMatchObject({ volunteerId: 'v-wang', orgPath: JINCHENG, to: 'suspended', reason: 'complaint under review' });
    await waitFor(
      async () => (await dispatchPg.query(`SELECT 1 FROM dispatch_provider WHERE provider_id = 'v-wang' AND NOT active`)).rowCount === 1,
      {
        what: 'dispatch to see the volunteer inactive',
      },
    );
    const accept = await h.issuer
      .bearer(volunteer('v-wang'))
      .then((headers) => dispatch.inject({ method: 'POST', url: `/offers/${offer.offer_id}/accept`, headers }));
    expect(accept.statusCode).toBe(403);
    expect(accept.json().message).toBe('you are suspended or not active, so you cannot take jobs');

    expect((await h.as(admin(), 'POST', '/volunteers/v-wang/reinstate', { reason: 'complaint unfounded' })).statusCode).toBe(200);
    const facts = await waitFor(
      async () =>
        h.publishedOf<VolunteerStatusChangedV1>(VolunteerStatusChanged.type, 'v-wang').length === 2 &&
        h.publishedOf<VolunteerStatusChangedV1>(VolunteerStatusChanged.type, 'v-wang'),
      {
        what: 'the reinstatement',
      },
    );
    expect(facts[1]).toMatchObject({ to: 'approved', reason: 'complaint unfounded' });
  });
  it("reads each change's answer in the change's own transaction, so a failed read undoes the change and a 503 stays true", async () => {
    const reads = watchTransactions(h.app.get(VolunteerView), 'describe', 0);
    try {
      const me = volunteer('v-answer');
      expect((await h.as(me, 'POST', '/applications', application())).statusCode).toBe(201);
      const training = { module: 'safety', completedOn: new Date().toISOString().slice(0, 10) };
      expect((await h.as(admin(), 'POST', '/volunteers/v-answer/training', training)).statusCode).toBe(200);
      expect((await h.as(admin(), 'POST', '/volunteers/v-answer/approve', {})).statusCode).toBe(200);
      const availability = { availability: { always: true, windows: [] }, maxConcurrentJobs: 2 };
      expect((await h.as(me, 'PUT', '/me/availability', availability)).statusCode).toBe(200);
    } finally {
      reads.restore();
    }
    expect(reads.inTransaction).toEqual([true, true, true, true]);
  });
});

function jobRequest(categoryCode: string): RequestCreatedV1 {
  const now = Date.now();
  return {
    requestId: randomUUID(),
    number: `R-${randomUUID().slice(0, 8)}`,
    communityId: 'jincheng',
    orgPath: JINCHENG,
    categoryCode,
    kind: 'home_service',
    urgency: 'general',
    feePolicy: 'free',
    responseDueAt: new Date(now + 24 * 3_600_000).toISOString(),
    resolutionDueAt: new Date(now + 7 * 24 * 3_600_000).toISOString(),
    summary: 'Washing machine does not drain',
    receivedAt: new Date(now).toISOString(),
  };
}
