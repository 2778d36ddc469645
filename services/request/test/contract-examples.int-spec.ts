import {
  JobAssigned,
  JobCompleted,
  JobEscalated,
  JobOnSite,
  JobProviderCancelled,
  JobReassigned,
  normalisePhone,
  PbxEventReceived,
  RedoRequested,
} from '@bangbang/contracts';
import { ExampleFeed, STORY } from '@bangbang/testing';
import { requestService } from '../src/request.service-definition';
import { RequestHarness, startRequestService } from './harness';

/**
 * The committed examples of every type the request service consumes, fed to it as the producers
 * would send them. The story's request is one this service took at intake (it chose that id).
 */
describe('request: the contract examples', () => {
  let h: RequestHarness;
  let feed: ExampleFeed;

  beforeAll(async () => {
    h = await startRequestService();
    feed = await ExampleFeed.start(h.prefix, (sql, params) => h.ds.query(sql, params));
  });
  afterAll(async () => {
    await feed?.stop();
    await h?.stop();
  });

  it("moves the story's request along dispatch's facts, from escalation to the volunteer's completion, and reopens it for the redo", async () => {
    const home = await h.household('jincheng', ['13812345678']);
    const intake = await h.call('agent', 'POST', '/requests', {
      householdId: home.id,
      categoryCode: 'water-electric-repair',
      description: '厨房水龙头漏水',
    });
    expect(intake.statusCode).toBe(201);
    const id: string = intake.json().id;
    const ours = { [STORY.requestId]: id };
    const request = async () => (await h.call('agent', 'GET', `/requests/${id}`)).json();

    await feed.feed(JobEscalated, ours);
    expect(await request()).toMatchObject({ status: 'escalated' });
    await feed.feed(JobAssigned, ours);
    expect(await request()).toMatchObject({ status: 'assigned', provider: { id: STORY.unitId, kind: 'merchant' } });
    await feed.feed(JobProviderCancelled, ours);
    expect(await request()).toMatchObject({ status: 'dispatching', provider: null });
    await feed.feed(JobReassigned, ours);
    expect(await request()).toMatchObject({ status: 'assigned', provider: { id: STORY.volunteerId, kind: 'volunteer' } });
    await feed.feed(JobOnSite, ours);
    expect(await request()).toMatchObject({ status: 'on_site' });
    const completed = await feed.feed(JobCompleted, ours);
    expect(await request()).toMatchObject({ status: 'completed', priceChargedFen: completed.data.priceChargedFen });

    expect((await h.call('agent', 'POST', `/requests/${id}/follow-up`, { solved: true })).statusCode).toBe(200);
    await feed.feed(RedoRequested, ours);
    expect(await request()).toMatchObject({ status: 'dispatching', reopenCount: 1, provider: null });
  });

  it("builds a call from the PBX's report: the caller's number, the extension it rang", async () => {
    const report = await feed.feed(PbxEventReceived);
    const [call] = await h.ds.query('SELECT direction, number, timeline FROM call WHERE pbx_call_id = $1', [report.data.callId]);
    expect(call).toMatchObject({ direction: 'in', number: normalisePhone(report.data.from!) });
    expect(JSON.stringify(call.timeline)).toContain(report.data.extension!);
  });

  it('keeps its copy of the org tree: the community created, renamed, retired', async () => {
    // As the tree stood before the gateway created Jincheng: the harness loaded today's version.
    await h.ds.query('DELETE FROM org_unit WHERE code = $1', ['jincheng']);
    expect(await feed.orgUnitCopies()).toEqual([
      { name_zh: '金城社区', status: 'active' },
      { name_zh: '金城新社区', status: 'active' },
      { name_zh: '金城社区', status: 'retired' },
    ]);
  });

  it('has been fed every type it consumes', () => {
    expect(feed.unfed(requestService)).toEqual([]);
  });
});
