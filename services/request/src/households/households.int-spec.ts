import { AuditRecorded } from '@bangbang/contracts';
import { RequestHarness, startRequestService } from '../../test/harness';
import { callerLookupQuery } from './caller-lookup';

describe('households and caller lookup', () => {
  let h: RequestHarness;
  let jincheng: { id: string };
  let huaigu: { id: string };
  let yinxiu: { id: string };

  beforeAll(async () => {
    h = await startRequestService();
    jincheng = await h.household('jincheng', ['138 1234 5678', '0510-82345678'], { name: '王阿姨' });
    huaigu = await h.household('huaigu', ['+86 138-1234-5678'], { name: '李大爷' });
    yinxiu = await h.household('yinxiu', ['13912345678'], { name: '赵先生' });
  });

  afterAll(() => h?.stop());

  const lookup = async (person: Parameters<RequestHarness['call']>[0], query: string) => {
    const res = await h.call(person, 'GET', `/callers?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().map((x: { id: string }) => x.id);
  };

  it('finds a caller by any spelling of the number, masked, with fee policy and requests', async () => {
    const res = await h.call('agent', 'GET', '/callers?phone=%2B8613812345678');
    const found = res.json();
    expect(found.map((x: { id: string }) => x.id).sort()).toEqual([jincheng.id, huaigu.id].sort());
    const mine = found.find((x: { id: string }) => x.id === jincheng.id);
    expect(mine).toMatchObject({
      communityCode: 'jincheng',
      address: '金城社区12栋****',
      contactMasked: true,
      feePolicy: 'low_cost',
      openRequests: [],
      lastRequests: [],
      residents: [{ name: '王阿姨', phones: ['138****5678', '051*****5678'], tags: ['elderly_living_alone'], preferredContact: 'sms' }],
    });
    expect(await lookup('agent', 'phone=0510%2082345678')).toEqual([jincheng.id]);
  });

  it('returns only households in the caller’s scope', async () => {
    expect(await lookup('jinchengAdmin', 'phone=13812345678')).toEqual([jincheng.id]);
    expect(await lookup('huaiguAdmin', 'phone=13812345678')).toEqual([huaigu.id]);
    expect(await lookup('yangmingAgent', 'phone=13812345678')).toEqual([]);
    expect(await lookup('yangmingAgent', 'phone=13912345678')).toEqual([yinxiu.id]);
  });

  it('searches by the last digits, still within scope, and audits every such search', async () => {
    expect((await lookup('agent', 'suffix=5678')).sort()).toEqual([jincheng.id, huaigu.id, yinxiu.id].sort());
    expect(await lookup('jinchengAdmin', 'suffix=345678')).toEqual([jincheng.id]);
    expect(await lookup('agent', 'suffix=0000')).toEqual([]);
    const searches = await h.events(AuditRecorded.request, 3, (d) => d.action === 'household.caller-suffix-lookup');
    expect(searches.map((e) => [e.data.actorId, e.data.resourceType, e.data.resourceId]).sort()).toEqual([
      ['agent-1', 'phone-suffix', '0000'],
      ['agent-1', 'phone-suffix', '5678'],
      ['jincheng-admin', 'phone-suffix', '345678'],
    ]);
  });

  it('refuses a malformed phone, naming the field', async () => {
    const res = await h.call('agent', 'GET', '/callers?phone=12345');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^phone: /);
    expect((await h.call('agent', 'GET', '/callers?suffix=12')).json().message.join()).toMatch(/suffix/);
  });

  it('answers 404 for a household outside the scope, and 403 for roles that may not look callers up', async () => {
    expect((await h.call('huaiguAdmin', 'GET', `/households/${jincheng.id}`)).statusCode).toBe(404);
    expect((await h.call('jinchengAdmin', 'GET', `/households/${jincheng.id}`)).statusCode).toBe(200);
    expect((await h.call('plumber', 'GET', '/callers?phone=13812345678')).statusCode).toBe(403);
  });

  it('refuses a household with a malformed phone or in a community out of scope, storing nothing', async () => {
    const before = await h.count('household');
    const badPhone = await h.call('agent', 'POST', '/households', {
      communityCode: 'jincheng',
      address: '金城社区3栋101',
      residents: [{ name: '张三', phones: ['13812345678', '555-1234'] }],
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().message).toMatch(/^residents\.0\.phones\.1: /);
    const outOfScope = await h.call('huaiguAdmin', 'POST', '/households', {
      communityCode: 'jincheng',
      address: '金城社区3栋101',
      residents: [{ name: '张三', phones: ['13812345678'] }],
    });
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json().message).toMatch(/^communityCode: /);
    expect(await h.count('household')).toBe(before);
  });

  it.each([
    ['residents nested in arrays', { residents: [[[[]]]] }, /^residents\.0 must be an object$/],
    ['a NUL in the address', { address: '金城社区3栋\u0000101' }, /^address must not contain control characters/],
    ['a resident name that is a number', { residents: [{ name: 7, phones: ['13812345678'] }] }, /^residents\.0\.name must be/],
    [
      'phones that are not text',
      { residents: [{ name: '张三', phones: [['13812345678']] }] },
      /^residents\.0\.each value in phones must be/,
    ],
    ['no residents at all', { residents: undefined }, /^residents /],
  ])('refuses %s with 400 naming the field, storing nothing', async (_, change, message) => {
    const before = { households: await h.count('household'), residents: await h.count('resident') };
    const res = await h.call('agent', 'POST', '/households', {
      communityCode: 'jincheng',
      address: '金城社区3栋101',
      residents: [{ name: '张三', phones: ['13812345678'] }],
      ...change,
    });
    expect(res.statusCode).toBe(400);
    expect([res.json().message].flat()[0]).toMatch(message);
    expect({ households: await h.count('household'), residents: await h.count('resident') }).toEqual(before);
  });

  it('shows unmasked contact data only with a purpose, to a role that may, and audits the read', async () => {
    expect((await h.call('agent', 'GET', `/households/${jincheng.id}?unmasked=true`)).statusCode).toBe(400);
    expect((await h.call('auditor', 'GET', `/households/${jincheng.id}?unmasked=true&purpose=check`)).statusCode).toBe(403);
    const res = await h.call(
      'agent',
      'GET',
      `/households/${jincheng.id}?unmasked=true&purpose=${encodeURIComponent('call back about a leak')}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ address: '无锡市梁溪区金星街道金城社区12栋3单元502室', contactMasked: false });
    expect(res.json().residents[0].phones.sort()).toEqual(['0510-82345678', '13812345678']);
    const [read] = await h.events(AuditRecorded.request, 1, (d) => d.action === 'household.contact-read');
    expect(read.data).toMatchObject({ actorId: 'agent-1', resourceId: jincheng.id, purpose: 'call back about a leak' });
  });

  it('makes a household free while a community admin’s grant is valid, and only that admin may grant', async () => {
    const grant = {
      reason: 'sudden_hardship',
      evidence: '火灾受灾证明 2026-117',
      validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    };
    expect((await h.call('agent', 'POST', `/households/${jincheng.id}/eligibility`, grant)).statusCode).toBe(403);
    expect((await h.call('huaiguAdmin', 'POST', `/households/${jincheng.id}/eligibility`, grant)).statusCode).toBe(404);
    const tooLong = await h.call('jinchengAdmin', 'POST', `/households/${jincheng.id}/eligibility`, {
      ...grant,
      validUntil: new Date(Date.now() + 120 * 86_400_000).toISOString(),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().message).toMatch(/^validUntil: /);
    const granted = await h.call('jinchengAdmin', 'POST', `/households/${jincheng.id}/eligibility`, grant);
    expect(granted.statusCode).toBe(201);
    const after = (await h.call('agent', 'GET', '/callers?phone=13812345678')).json();
    expect(after.find((x: { id: string }) => x.id === jincheng.id).feePolicy).toBe('free');
    expect(JSON.stringify(after)).not.toContain('sudden_hardship');
    // Why it is free shows only where the full address does: read on purpose, and audited.
    const unmasked = await h.call(
      'agent',
      'GET',
      `/households/${jincheng.id}?unmasked=true&purpose=${encodeURIComponent('tell the caller why it is free')}`,
    );
    expect(unmasked.json()).toMatchObject({ feePolicy: 'free', feeGrant: { reason: 'sudden_hardship', validUntil: grant.validUntil } });
    expect(JSON.stringify(unmasked.json())).not.toContain('火灾受灾证明');
    const revoked = await h.call('jinchengAdmin', 'POST', `/households/${jincheng.id}/eligibility/${granted.json().id}/revoke`);
    expect(revoked.statusCode).toBe(201);
    expect((await h.call('agent', 'GET', `/households/${jincheng.id}`)).json()).toMatchObject({ feePolicy: 'low_cost', feeGrant: null });
  });

  it('registers a household and grants eligibility once per Idempotency-Key, replaying the answer to a retry', async () => {
    const body = { communityCode: 'jincheng', address: '金城社区5栋201', residents: [{ name: '周奶奶', phones: ['15900000001'] }] };
    const headers = { 'idempotency-key': 'register-0001' };
    const before = { households: await h.count('household'), grants: await h.count('fee_eligibility') };
    const first = await h.call('agent', 'POST', '/households', body, headers);
    expect(first.statusCode).toBe(201);
    const again = await h.call('agent', 'POST', '/households', body, headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const changed = await h.call('agent', 'POST', '/households', { ...body, address: '金城社区5栋202' }, headers);
    expect(changed.statusCode).toBe(422);
    expect(changed.json().message).toMatch(/^Idempotency-Key: /);
    const malformed = await h.call('agent', 'POST', '/households', body, { 'idempotency-key': 'short' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/^Idempotency-Key: /);

    // The same key names a grant apart from the household, and a grant for one household only.
    const grant = {
      reason: 'disability_in_difficulty',
      evidence: '残疾证 3202 0042',
      validUntil: new Date(Date.now() + 200 * 86_400_000).toISOString(),
    };
    const granted = await h.call('jinchengAdmin', 'POST', `/households/${first.json().id}/eligibility`, grant, headers);
    expect(granted.statusCode).toBe(201);
    const grantedAgain = await h.call('jinchengAdmin', 'POST', `/households/${first.json().id}/eligibility`, grant, headers);
    expect(grantedAgain.headers['idempotent-replayed']).toBe('true');
    expect(grantedAgain.json()).toEqual(granted.json());
    expect((await h.call('jinchengAdmin', 'POST', `/households/${jincheng.id}/eligibility`, grant, headers)).statusCode).toBe(422);
    expect({ households: await h.count('household'), grants: await h.count('fee_eligibility') }).toEqual({
      households: before.households + 1,
      grants: before.grants + 1,
    });
  });

  it('looks a caller up by reading the few residents and households matched, on tables never analyzed', async () => {
    const runner = h.ds.createQueryRunner();
    await runner.connect();
    // Uncommitted, so no other test sees these households.
    await runner.startTransaction();
    try {
      await runner.query(
        `WITH hs AS (
           INSERT INTO household (id, community_code, org_path, address, provisional)
           SELECT gen_random_uuid(), community_code, org_path, address || g, false FROM household, generate_series(1, 5000) g
            WHERE id = $1 RETURNING id),
         rs AS (INSERT INTO resident (id, household_id, name, tags, preferred_contact)
           SELECT gen_random_uuid(), id, '住户', '{}', 'sms' FROM hs RETURNING id)
         INSERT INTO resident_phone (resident_id, phone) SELECT id, '86137' || lpad((row_number() OVER ())::text, 8, '0') FROM rs`,
        [jincheng.id],
      );
      const read = async () => {
        const [row] = await runner.query(
          `SELECT sum(seq_tup_read + coalesce(idx_tup_fetch, 0)) AS n FROM pg_stat_xact_user_tables WHERE relname IN ('household', 'resident')`,
        );
        return Number(row.n);
      };
      const [{ org_path: scope }] = await runner.query('SELECT org_path FROM household WHERE id = $1', [jincheng.id]);
      const { sql, params } = callerLookupQuery({ exact: '8613812345678' }, scope);
      const before = await read();
      expect(await runner.query(sql, params)).toEqual([expect.objectContaining({ id: jincheng.id })]);
      expect((await read()) - before).toBeLessThan(50);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  // Last: every bad input above was answered 4xx before it reached the database.
  it('has answered nothing with an unexpected error, as /metrics says', async () => {
    const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/^http_unexpected_errors_total\{kind="database"\} 0$/m);
    expect(metrics.body).not.toMatch(/^http_unexpected_errors_total\{kind="(?!database)/m);
  });
});
