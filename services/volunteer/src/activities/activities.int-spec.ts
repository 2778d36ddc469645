import { admin, HUAIGU, JINCHENG, VolunteerHarness } from '../../test/volunteer-harness';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const minutesAhead = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

describe('teams and activities', () => {
  let h: VolunteerHarness;
  let teamId: string;
  let leader: Awaited<ReturnType<VolunteerHarness['approvedVolunteer']>>;
  let member: typeof leader;

  beforeAll(async () => {
    h = await VolunteerHarness.start();
    [leader, member] = await Promise.all([
      h.approvedVolunteer('v-leader', { name: 'Zhou Lan' }),
      h.approvedVolunteer('v-member', { name: 'Li Ming' }),
    ]);
  });

  afterAll(() => h?.stop());

  const publish = async (over: object) => {
    const res = await h.as(admin(), 'POST', '/activities', {
      title: 'Evening patrol',
      place: 'Jincheng community gate',
      unitPath: JINCHENG,
      teamId,
      startsAt: minutesAgo(120),
      endsAt: minutesAhead(60),
      capacity: 2,
      pointsPerHour: 10,
      ...over,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  it('forms a named team with a leader and members from its own unit', async () => {
    const created = await h.as(admin(), 'POST', '/teams', { name: '绿叶舟', unitPath: JINCHENG });
    expect(created.statusCode).toBe(201);
    teamId = created.json().id;
    expect((await h.as(admin(), 'POST', '/teams', { name: '绿叶舟', unitPath: JINCHENG })).statusCode).toBe(409);
    expect((await h.as(admin(), 'PUT', `/teams/${teamId}/members/v-leader`, { role: 'leader' })).statusCode).toBe(200);
    expect((await h.as(admin(), 'PUT', `/teams/${teamId}/members/v-member`, { role: 'member' })).statusCode).toBe(200);
    expect((await h.as(admin(), 'PUT', `/teams/${teamId}/members/v-member`, { role: 'captain' })).statusCode).toBe(400);
    expect((await h.as(admin(HUAIGU), 'GET', `/teams/${teamId}`)).statusCode).toBe(404);
    const team = await h.as(admin(), 'GET', `/teams/${teamId}`);
    expect(team.json().members.map((m: { volunteerId: string; role: string }) => [m.volunteerId, m.role])).toEqual([
      ['v-leader', 'leader'],
      ['v-member', 'member'],
    ]);
    expect((await h.as(member, 'GET', '/teams')).json()).toEqual([{ id: teamId, name: '绿叶舟', orgPath: JINCHENG, role: 'member' }]);
  });

  it('refuses a check-in outside the activity’s time, saying why', async () => {
    const later = await publish({ startsAt: minutesAhead(24 * 60), endsAt: minutesAhead(26 * 60) });
    expect((await h.as(member, 'POST', `/activities/${later}/signups`)).statusCode).toBe(201);
    const early = await h.as(leader, 'POST', `/activities/${later}/check-in`, { volunteerId: 'v-member' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/^check-in opens at .*, 30 minutes before the activity starts$/);

    const over = await publish({ startsAt: minutesAgo(180), endsAt: minutesAgo(60) });
    const tooLate = await h.as(member, 'POST', `/activities/${over}/signups`);
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().message).toContain('the activity ended at');
    expect(await h.rows('SELECT checked_in_at FROM activity_signup WHERE activity_id = $1', [later])).toEqual([{ checked_in_at: null }]);
  });

  it('signs volunteers up to capacity; the leader checks them in and out; the hours earn points once', async () => {
    const id = await publish({});
    expect((await h.as(member, 'POST', `/activities/${id}/signups`)).statusCode).toBe(201);
    expect((await h.as(member, 'POST', `/activities/${id}/signups`)).json().message).toBe('signed up already');
    expect((await h.as(leader, 'POST', `/activities/${id}/signups`)).statusCode).toBe(201);
    const third = await h.approvedVolunteer('v-third');
    const full = await h.as(third, 'POST', `/activities/${id}/signups`);
    expect(full.statusCode).toBe(409);
    expect(full.json().message).toBe('the activity is full: 2 of 2 places taken');

    // Only the team's leader (or an admin) records attendance.
    expect((await h.as(member, 'POST', `/activities/${id}/check-in`, { volunteerId: 'v-leader' })).statusCode).toBe(403);
    const tooEarly = await h.as(leader, 'POST', `/activities/${id}/check-in`, { volunteerId: 'v-member', at: minutesAgo(160) });
    expect(tooEarly.statusCode).toBe(409);
    expect((await h.as(leader, 'POST', `/activities/${id}/check-in`, { volunteerId: 'v-member', at: minutesAgo(110) })).statusCode).toBe(
      200,
    );
    expect((await h.as(leader, 'POST', `/activities/${id}/check-in`, { volunteerId: 'v-member' })).statusCode).toBe(409);
    const out = await h.as(leader, 'POST', `/activities/${id}/check-out`, { volunteerId: 'v-member', at: minutesAgo(20) });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({ minutes: 90, points: 15 });
    expect((await h.as(leader, 'POST', `/activities/${id}/check-out`, { volunteerId: 'v-member' })).statusCode).toBe(409);
    expect((await h.as(leader, 'POST', `/activities/${id}/check-out`, { volunteerId: 'v-member', at: minutesAhead(30) })).statusCode).toBe(
      400,
    );

    // Attendance earns points: each record is audited here, naming who recorded whose.
    const audited = await h.rows<{ data: Record<string, string> }>(
      `SELECT payload::jsonb AS data FROM outbox WHERE type = 'bangbang.volunteer.audit-recorded.v1' AND key = $1 ORDER BY seq`,
      [`${id}:v-member`],
    );
    expect(audited.map((r) => [r.data.action, r.data.actorId, r.data.resourceType])).toEqual([
      ['activity.checked-in', 'v-leader', 'activity-attendance'],
      ['activity.checked-out', 'v-leader', 'activity-attendance'],
    ]);

    expect((await h.as(member, 'GET', '/me/points')).json()).toMatchObject({ balance: 15 });
    expect((await h.as(member, 'GET', '/me')).json().activityHours).toBe(1);
    const mine = (await h.as(member, 'GET', '/activities')).json().find((a: { id: string }) => a.id === id);
    expect(mine).toMatchObject({ signedUpByMe: true, minutes: 90, signedUp: 2 });
    const attendance = await h.as(leader, 'GET', `/activities/${id}/attendance`);
    expect(attendance.json().attendance.map((a: { volunteerId: string; minutes: number | null }) => [a.volunteerId, a.minutes])).toEqual([
      ['v-member', 90],
      ['v-leader', null],
    ]);
  });

  it('answers 404 for an activity outside the volunteer’s community, and 403 only for one they can see but do not lead', async () => {
    const elsewhere = await h.as(admin(HUAIGU), 'POST', '/activities', {
      title: 'Huaigu clean-up',
      place: 'Huaigu square',
      unitPath: HUAIGU,
      startsAt: minutesAgo(30),
      endsAt: minutesAhead(60),
      capacity: 5,
      pointsPerHour: 10,
    });
    expect(elsewhere.statusCode).toBe(201);
    const hidden = elsewhere.json().id as string;
    for (const res of [
      await h.as(member, 'GET', `/activities/${hidden}/attendance`),
      await h.as(member, 'POST', `/activities/${hidden}/check-in`, { volunteerId: 'v-leader' }),
      await h.as(leader, 'POST', `/activities/${hidden}/check-out`, { volunteerId: 'v-member' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('activity not found');
    }
    const visible = await publish({});
    const notLeading = await h.as(member, 'GET', `/activities/${visible}/attendance`);
    expect(notLeading.statusCode).toBe(403);
    expect(notLeading.json().message).toBe("only the team's leader or an admin sees the attendance");
  });

  it('never lets a leader record their own attendance: an admin or another leader does', async () => {
    const coLeader = await h.approvedVolunteer('v-co-leader');
    expect((await h.as(admin(), 'PUT', `/teams/${teamId}/members/v-co-leader`, { role: 'leader' })).statusCode).toBe(200);
    const id = await publish({});
    expect((await h.as(leader, 'POST', `/activities/${id}/signups`)).statusCode).toBe(201);

    const selfIn = await h.as(leader, 'POST', `/activities/${id}/check-in`, { volunteerId: 'v-leader', at: minutesAgo(110) });
    expect(selfIn.statusCode).toBe(403);
    expect(selfIn.json().message).toBe('you cannot record your own attendance: an admin or another leader of the team records it');
    expect(await h.rows('SELECT checked_in_at FROM activity_signup WHERE activity_id = $1', [id])).toEqual([{ checked_in_at: null }]);

    expect((await h.as(coLeader, 'POST', `/activities/${id}/check-in`, { volunteerId: 'v-leader', at: minutesAgo(110) })).statusCode).toBe(
      200,
    );
    const selfOut = await h.as(leader, 'POST', `/activities/${id}/check-out`, { volunteerId: 'v-leader', at: minutesAgo(50) });
    expect(selfOut.statusCode).toBe(403);
    const out = await h.as(admin(), 'POST', `/activities/${id}/check-out`, { volunteerId: 'v-leader', at: minutesAgo(50) });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({ volunteerId: 'v-leader', minutes: 60, points: 10, checkedInAt: expect.any(String) });
  });
});
