import { auditRecord } from '@bangbang/auth';
import { AuditRecorded, createEvent, toKafkaRecord } from '@bangbang/contracts';
import { testKafka, waitFor } from '@bangbang/testing';
import { bearer, startGateway, TestGateway } from '../../test/gateway-harness';

describe('audit log', () => {
  let gw: TestGateway;
  let jinchengAdminId: string;

  beforeAll(async () => {
    gw = await startGateway();
    [{ id: jinchengAdminId }] = await gw.ds.query(`SELECT id FROM staff_user WHERE username = 'jincheng.admin'`);
  });

  afterAll(() => gw?.stop());

  const readUser = async (reader: string, query: string, headers: Record<string, string> = {}) =>
    gw.app.inject({ method: 'GET', url: `/users/${jinchengAdminId}${query}`, headers: { ...bearer(await gw.token(reader)), ...headers } });
  const audit = async (reader: string, query = '') =>
    gw.app.inject({ method: 'GET', url: `/audit${query}`, headers: bearer(await gw.token(reader)) });

  it('masks contact data by default, and records nothing for a masked read', async () => {
    const res = await readUser('jinxing.admin', '');
    expect(res.json()).toMatchObject({ phone: '138****0003', phoneMasked: true });
    expect(await gw.ds.query(`SELECT id FROM audit_record WHERE action = 'staff-user.contact-read'`)).toEqual([]);
  });

  it('records who read unmasked data, when, why and from where', async () => {
    const res = await readUser('hotline.agent', '?unmasked=true&purpose=follow-up%20call', {
      'user-agent': 'hotline-console/1.0',
      'x-correlation-id': 'corr-unmasked-read-1',
      // Not believed: the gateway trusts no proxy here (TRUST_PROXY is empty).
      'x-forwarded-for': '6.6.6.6',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '13800000003', phoneMasked: false });
    const [agent] = await gw.ds.query(`SELECT id FROM staff_user WHERE username = 'hotline.agent'`);
    const records = await gw.ds.query(`SELECT * FROM audit_record WHERE action = 'staff-user.contact-read'`);
    expect(records).toEqual([
      expect.objectContaining({
        source: 'gateway',
        actor_id: agent.id,
        actor_role: 'agent',
        actor_org_path: '/nanchang/',
        resource_type: 'staff_user',
        resource_id: jinchengAdminId,
        purpose: 'follow-up call',
        ip: '127.0.0.1',
        user_agent: 'hotline-console/1.0',
        correlation_id: 'corr-unmasked-read-1',
      }),
    ]);
  });

  it('never unmasks for an auditor, and wants a purpose from everyone', async () => {
    expect((await readUser('district.auditor', '?unmasked=true&purpose=curious')).statusCode).toBe(403);
    const noPurpose = await readUser('hotline.agent', '?unmasked=true');
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().message).toMatch(/purpose is required/);
  });

  it('is queryable by the district admin and the auditor only, filtered and paged', async () => {
    for (const user of ['jinxing.admin', 'jincheng.admin', 'hotline.agent']) expect((await audit(user)).statusCode).toBe(403);
    const page = await audit('district.auditor', `?resource=staff_user:${jinchengAdminId}&pageSize=10`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ page: 1, pageSize: 10, total: 2 });
    expect(page.json().items.map((r: { action: string }) => r.action)).toEqual(['staff-user.contact-read', 'staff-user.created']);
    const seeded = await audit('district.admin', '?resource=org_unit&pageSize=5&page=2');
    // 12 of the 13 seeded units: the district itself was provisioned by the system, above any district's scope.
    expect(seeded.json()).toMatchObject({ total: 12, page: 2 });
    expect(seeded.json().items).toHaveLength(5);
    expect((await audit('district.admin', '?from=not-a-date')).statusCode).toBe(400);
  });

  it.each(['?page=1000000', '?page=51&pageSize=200', '?page=1e300'])(
    'refuses to page deeper than the first 10,000 records (%s), pointing at the time filters',
    async (query) => {
      const res = await audit('district.auditor', query);
      expect(res.statusCode).toBe(400);
      expect([res.json().message].flat().join(' ')).toMatch(/narrow the query with from and to/);
      expect((await audit('district.auditor', '?page=50&pageSize=200')).statusCode).toBe(200);
    },
  );

  it('takes in the audit facts other services publish through their outboxes', async () => {
    const fact = auditRecord(
      { id: 'agent-9', kind: 'staff', role: 'agent', org: 'nanchang', orgPath: '/nanchang/', name: '话务员' },
      { action: 'request.contact-read', resourceType: 'request', resourceId: 'R-1', purpose: 'callback' },
      { ip: '10.1.2.3', userAgent: 'console' },
    );
    const event = createEvent(AuditRecorded.request.source, {
      type: AuditRecorded.request.type,
      subject: 'R-1',
      data: fact,
      correlationid: 'corr-from-request',
    });
    const producer = testKafka().producer();
    await producer.connect();
    const record = toKafkaRecord(event);
    await producer.send({
      topic: `${gw.prefix}bangbang.request`,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
    await producer.disconnect();

    const found = await waitFor(async () => (await audit('district.admin', '?resource=request:R-1')).json().items[0], {
      what: 'the request service audit fact in the gateway store',
    });
    expect(found).toMatchObject({
      id: event.id,
      source: 'request',
      actorId: 'agent-9',
      ip: '10.1.2.3',
      correlationId: 'corr-from-request',
    });
  });
});
