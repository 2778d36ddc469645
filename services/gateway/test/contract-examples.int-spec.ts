import { ApiKeyIssued, ApiKeyRevoked, AuditRecorded, UnitStatusChanged, VolunteerStatusChanged } from '@bangbang/contracts';
import { ExampleFeed, STORY } from '@bangbang/testing';
import { gatewayService } from '../src/gateway.service-definition';
import { StaffUser } from '../src/identity/staff-user.entity';
import { startGateway, TestGateway } from './gateway-harness';

/** The committed examples of every type the gateway consumes, fed to it as the producers would send them. */
describe('gateway: the contract examples', () => {
  let gw: TestGateway;
  let feed: ExampleFeed;
  const rows = (sql: string, params: unknown[] = []) => gw.ds.query<Array<Record<string, unknown>>>(sql, params);

  beforeAll(async () => {
    gw = await startGateway();
    feed = await ExampleFeed.start(gw.prefix, rows);
  });
  afterAll(async () => {
    await feed?.stop();
    await gw?.stop();
  });

  it('keeps every service audit fact as a record, under the event id', async () => {
    for (const [source, contract] of Object.entries(AuditRecorded)) {
      const e = await feed.feed(contract);
      const [record] = await rows('SELECT source, action, resource_id, correlation_id FROM audit_record WHERE id = $1', [e.id]);
      expect(record).toEqual({ source, action: e.data.action, resource_id: e.data.resourceId, correlation_id: e.correlationid });
    }
  });

  it("keeps a unit's key with its scopes, marks it revoked, and follows the unit to active", async () => {
    const issued = await feed.feed(ApiKeyIssued);
    const [key] = await rows('SELECT unit_id, scopes, revoked_at FROM merchant_api_key WHERE key_id = $1', [issued.data.keyId]);
    expect(key).toEqual({ unit_id: issued.data.unitId, scopes: ['jobs', 'manage'], revoked_at: null });
    const revocation = await feed.feed(ApiKeyRevoked);
    const [revoked] = await rows('SELECT revoked_at FROM merchant_api_key WHERE key_id = $1', [issued.data.keyId]);
    expect(revoked.revoked_at).toEqual(new Date(revocation.data.revokedAt));
    const moved = await feed.feed(UnitStatusChanged);
    const [unit] = await rows('SELECT status, org_path FROM merchant_unit WHERE unit_id = $1', [moved.data.unitId]);
    expect(unit).toEqual({ status: 'active', org_path: moved.data.orgPath });
  });

  it("disables the story's volunteer's account when the volunteer service suspends them", async () => {
    await gw.ds.getRepository(StaffUser).insert({
      id: STORY.volunteerId,
      username: 'wang.jianguo',
      passwordHash: 'not-used',
      displayName: '王建国',
      phone: null,
      kind: 'volunteer',
      role: 'volunteer',
      unitCode: 'jincheng',
      orgPath: '/nanchang/jinxing/jincheng/',
      status: 'active',
      createdBy: 'signup',
    });
    await feed.feed(VolunteerStatusChanged);
    expect(await gw.ds.getRepository(StaffUser).findOneByOrFail({ id: STORY.volunteerId })).toMatchObject({ status: 'disabled' });
  });

  it('has been fed every type it consumes', () => {
    expect(feed.unfed(gatewayService)).toEqual([]);
  });
});
