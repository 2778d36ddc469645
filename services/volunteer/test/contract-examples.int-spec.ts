import {
  JobOffered,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
  OfferWithdrawn,
  PointsPosted,
  RatingAmended,
  RatingSubmitted,
  RequestSignedOff,
} from '@bangbang/contracts';
import { contractExample, ExampleFeed, STORY } from '@bangbang/testing';
import { volunteerService } from '../src/volunteer.service-definition';
import { VolunteerHarness } from './volunteer-harness';

/** The committed examples of every type the volunteer service consumes, fed to it as the producers would send them. */
describe('volunteer: the contract examples', () => {
  let h: VolunteerHarness;
  let feed: ExampleFeed;

  beforeAll(async () => {
    h = await VolunteerHarness.start();
    feed = await ExampleFeed.start(h.prefix, (sql, params) => h.rows(sql, params));
  });
  afterAll(async () => {
    await feed?.stop();
    await h?.stop();
  });

  it("lists none of the story's offers in the volunteer app: they were made to a merchant", async () => {
    for (const contract of [JobOffered, OfferAccepted, OfferDeclined, OfferExpired, OfferWithdrawn])
      await feed.feedPassedBy(contract, 'volunteer');
    expect(await h.rows('SELECT offer_id FROM offer_view')).toEqual([]);
  });

  it("pays the story's volunteer for the signed-off job, its free-job bonus and the satisfied rating, as the points-posted example says", async () => {
    const v = await h.approvedVolunteer(STORY.volunteerId, { orgPath: contractExample(RequestSignedOff).data.orgPath });
    await feed.feed(RequestSignedOff);
    await feed.feed(RatingSubmitted);
    const entries = await h.rows<{ kind: string; reference: string; amount: number }>(
      `SELECT e.kind, e.reference, l.amount::int FROM ledger_entry e JOIN ledger_line l ON l.entry_id = e.id AND l.account_id = $1 ORDER BY e.seq`,
      [`volunteer:${STORY.volunteerId}`],
    );
    const posted = contractExample(PointsPosted).data;
    expect(entries.map((e) => e.reference)).toEqual([posted.reference, `job-bonus:${STORY.requestId}`, `rating:${STORY.requestId}`]);
    expect(entries[0]).toMatchObject({
      kind: posted.kind,
      amount: posted.lines.find((l) => l.account === `volunteer:${STORY.volunteerId}`)?.amount,
    });
    const balance = entries.reduce((sum, e) => sum + e.amount, 0);
    expect((await h.as(v, 'GET', '/me/points')).json()).toMatchObject({ balance });
  });

  it("keeps the volunteer's rating for the team's scorecard, as amended", async () => {
    const amended = await feed.feed(RatingAmended);
    expect(
      await h.rows('SELECT volunteer_id, tags, revision FROM volunteer_rating WHERE request_id = $1', [amended.data.requestId]),
    ).toEqual([{ volunteer_id: amended.data.providerId, tags: amended.data.tags, revision: amended.data.revision }]);
  });

  it('has been fed every type it consumes', () => {
    expect(feed.unfed(volunteerService)).toEqual([]);
  });
});
