import { RatingAmended, RatingSubmitted, RatingSubmittedV1 } from '@bangbang/contracts';
import { waitFor } from '@bangbang/testing';
import { randomUUID } from 'node:crypto';
import { admin, HUAIGU, inDays, JINCHENG, VolunteerHarness } from '../../test/volunteer-harness';

const haircut = { categoryCode: 'home-haircut', certificate: { name: '美发师职业资格证书', number: 'MF1', expiresAt: inDays(300) } };

const rating = (providerId: string, over: Partial<RatingSubmittedV1> = {}): RatingSubmittedV1 => ({
  ratingId: randomUUID(),
  requestId: randomUUID(),
  orgPath: JINCHENG,
  categoryCode: 'home-haircut',
  providerId,
  providerKind: 'volunteer',
  team: 'satisfied',
  provider: 'satisfied',
  solved: true,
  tags: ['punctual'],
  channel: 'public_link',
  revision: 1,
  ratedAt: new Date().toISOString(),
  ...over,
});

describe('the public list of volunteer teams, with scorecards from their members’ ratings', () => {
  let h: VolunteerHarness;
  let leaves: string;

  const teams = async (query = '') => {
    const res = await h.app.inject({ method: 'GET', url: `/public/teams${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { id: string; name: string; members: number; categories: string[]; takesFreeJobs: boolean; scorecard: object }[];
  };

  beforeAll(async () => {
    h = await VolunteerHarness.start();
    await h.approvedVolunteer('v-hair', { specialties: [haircut] });
    await h.approvedVolunteer('v-chat');
    await h.approvedVolunteer('v-huaigu', { orgPath: HUAIGU, specialties: [haircut] });
    const a = admin();
    leaves = (await h.as(a, 'POST', '/teams', { name: '绿叶舟', unitPath: JINCHENG })).json().id;
    const idle = (await h.as(a, 'POST', '/teams', { name: '空队', unitPath: JINCHENG })).json().id;
    expect(idle).toBeDefined();
    for (const [id, role] of [
      ['v-hair', 'leader'],
      ['v-chat', 'member'],
    ])
      expect((await h.as(a, 'PUT', `/teams/${leaves}/members/${id}`, { role })).statusCode).toBe(200);
    const h2 = admin(HUAIGU);
    const far = (await h.as(h2, 'POST', '/teams', { name: '槐古红马甲', unitPath: HUAIGU })).json().id;
    expect((await h.as(h2, 'PUT', `/teams/${far}/members/v-huaigu`, { role: 'leader' })).statusCode).toBe(200);
  });

  afterAll(() => h?.stop());

  it('lists teams with approved members, filtered by community and by a member’s valid certificate, without anyone’s name', async () => {
    expect((await teams()).map((t) => t.name).sort()).toEqual(['槐古红马甲', '绿叶舟']);
    const jincheng = await teams(`?community=${JINCHENG}`);
    expect(jincheng).toEqual([
      {
        id: leaves,
        name: '绿叶舟',
        orgPath: JINCHENG,
        members: 2,
        categories: ['home-haircut'],
        takesFreeJobs: true,
        scorecard: { ratingsCount: 0, meanStars: null, bayesianScore: 0.8, topTags: [] },
      },
    ]);
    expect(await teams(`?community=${JINCHENG}&category=pipe-unclogging`)).toEqual([]);
    expect((await teams('?category=home-haircut')).length).toBe(2);
    const bad = await h.app.inject({ method: 'GET', url: '/public/teams?community=jincheng' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message.join?.(' ') ?? bad.json().message).toContain('community');
  });

  it('scores a team by its members’ ratings, a correction replacing the rating it corrects, and ranks the better team first', async () => {
    const first = rating('v-hair', { tags: ['punctual', 'tidy'] });
    const other = rating('v-chat', { provider: 'basically_satisfied', tags: ['polite'] });
    const elsewhere = rating('v-huaigu', { provider: 'dissatisfied', tags: [], orgPath: HUAIGU });
    const merchant = rating('unit-1', { providerKind: 'merchant' });
    await h.produce(
      RatingSubmitted,
      [first, other, elsewhere, merchant].map((data) => ({ subject: data.requestId, data })),
    );
    await h.produce(RatingAmended, [
      {
        subject: other.requestId,
        data: { ...other, ratingId: randomUUID(), provider: 'satisfied', tags: ['polite', 'punctual'], revision: 2 },
      },
    ]);
    await waitFor(async () => (await h.rows('SELECT 1 FROM volunteer_rating WHERE revision = 2')).length === 1, {
      what: 'the correction applied',
    });
    expect(await h.rows('SELECT count(*)::int AS n FROM volunteer_rating')).toEqual([{ n: 3 }]);
    const [best, worst] = await teams('?category=home-haircut');
    expect(best).toMatchObject({
      name: '绿叶舟',
      scorecard: {
        ratingsCount: 2,
        meanStars: 5,
        bayesianScore: 0.8333,
        topTags: [
          { tag: 'punctual', count: 2 },
          { tag: 'polite', count: 1 },
          { tag: 'tidy', count: 1 },
        ],
      },
    });
    expect(worst).toMatchObject({ name: '槐古红马甲', scorecard: { ratingsCount: 1, meanStars: 1, topTags: [] } });
  });
});
