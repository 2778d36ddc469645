import { PbxEventReceived } from '@bangbang/contracts';
import { TopicWatch, waitFor } from '@bangbang/testing';
import { bearer, startGateway, TestGateway } from '../../test/gateway-harness';
import { LimitsSweeper } from '../edge/limits-sweeper';

/** The PBX's side: token checks, both encodings, duplicates, blocking, and a burst of calls with nothing lost (loopback only). */
describe('the CTI endpoint', () => {
  let gw: TestGateway;
  let watch: TopicWatch;
  let token: string;
  let tokenId: string;

  beforeAll(async () => {
    gw = await startGateway();
    watch = await TopicWatch.start(`${gw.prefix}${PbxEventReceived.topic}`);
    const issued = await gw.app.inject({
      method: 'POST',
      url: '/cti/tokens',
      headers: bearer(await gw.token('district.admin')),
      payload: { name: '主中继 Asterisk' },
    });
    expect(issued.statusCode).toBe(201);
    ({ token, id: tokenId } = issued.json());
  });

  afterAll(async () => {
    await watch?.stop();
    await gw?.stop();
  });

  const post = (payload: string | object, headers: Record<string, string> = { 'x-cti-token': token }) =>
    gw.app.inject({
      method: 'POST',
      url: '/cti/pbx/events',
      headers: { ...headers, 'content-type': typeof payload === 'string' ? 'application/x-www-form-urlencoded' : 'application/json' },
      payload,
    });

  const published = (callId: string) => watch.messages.filter((m) => m.type === PbxEventReceived.type && m.key === callId);

  it('issues a token once, keeps only its hash, and lets only district admins issue', async () => {
    expect(token).toMatch(/^bbcti_[A-Za-z0-9_-]{43}$/);
    const [row] = await gw.ds.query('SELECT token_hash, prefix FROM cti_token WHERE id = $1', [tokenId]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await gw.app.inject({ method: 'GET', url: '/cti/tokens', headers: bearer(await gw.token('district.admin')) });
    expect(listed.json()[0]).not.toHaveProperty('token');
    const byAgent = await gw.app.inject({
      method: 'POST',
      url: '/cti/tokens',
      headers: bearer(await gw.token('jincheng.admin')),
      payload: { name: 'x' },
    });
    expect(byAgent.statusCode).toBe(403);
  });

  it('refuses a missing, unknown or revoked token and publishes nothing', async () => {
    expect((await post({ event: 'newCall', callId: 'no-token', from: '13812345678' }, {})).statusCode).toBe(401);
    expect(
      (await post({ event: 'newCall', callId: 'bad-token', from: '13812345678' }, { 'x-cti-token': `bbcti_${'x'.repeat(43)}` })).statusCode,
    ).toBe(401);
    const admin = bearer(await gw.token('district.admin'));
    const other = (await gw.app.inject({ method: 'POST', url: '/cti/tokens', headers: admin, payload: { name: 'old PBX' } })).json();
    expect((await post({ event: 'newCall', callId: 'revoked-1', from: '13812345678' }, { 'x-cti-token': other.token })).statusCode).toBe(
      202,
    );
    const revoked = await gw.app.inject({ method: 'POST', url: `/cti/tokens/${other.id}/revoke`, headers: admin });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await post({ event: 'newCall', callId: 'revoked-2', from: '13812345678' }, { 'x-cti-token': other.token })).statusCode).toBe(
      401,
    );
    const [{ n }] = await gw.ds.query(`SELECT count(*)::int AS n FROM cti_receipt WHERE call_id IN ('no-token', 'bad-token', 'revoked-2')`);
    expect(n).toBe(0);
  });

  it('takes JSON and form-encoded reports alike, ignoring fields it does not know', async () => {
    const json = await post({ event: 'newCall', callId: 'enc-1', direction: 'in', from: '13812345678', to: '12345', queue: 'hotline' });
    expect(json.statusCode).toBe(202);
    expect(json.json()).toEqual({ accepted: true, duplicate: false, action: 'accept' });
    const form = await post(
      'event=ringing&callId=enc-1&extension=8001&from=13812345678&user%5B%5D=someone&at=2026-11-26T01%3A15%3A01.400Z',
    );
    expect(form.statusCode).toBe(202);
    await waitFor(async () => published('enc-1').length === 2, { what: 'both reports on the bus' });
    expect(published('enc-1').map((m) => m.data)).toMatchObject([
      { event: 'newCall', callId: 'enc-1', direction: 'in', from: '13812345678', to: '12345', orgPath: '/nanchang/', pbxId: tokenId },
      { event: 'ringing', callId: 'enc-1', extension: '8001', at: '2026-11-26T01:15:01.400Z' },
    ]);
  });

  it('names the field a bad report gets wrong, and takes nothing from it', async () => {
    const cases: Array<[object | string, RegExp]> = [
      [{ event: 'pickup', callId: 'bad-1' }, /event/],
      [{ event: 'newCall', callId: 'bad 2', from: '1' }, /callId/],
      [{ event: 'newCall', callId: 'bad-3' }, /from/],
      [{ event: 'hangup', callId: 'bad-4', cause: 'exploded' }, /cause/],
      [{ event: 'hangup', callId: 'bad-5' }, /cause/],
      [{ event: 'ringing', callId: 'bad-6' }, /extension/],
      ['event=answer&callId=bad-7&at=yesterday', /at/],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().message)).toMatch(field);
    }
    const [{ n }] = await gw.ds.query(`SELECT count(*)::int AS n FROM cti_receipt WHERE call_id LIKE 'bad%'`);
    expect(n).toBe(0);
  });

  it('takes a report sent twice once, and a ring at each extension once each', async () => {
    const ring = { event: 'ringing', callId: 'dup-1', extension: '8001' };
    expect((await post({ event: 'newCall', callId: 'dup-1', from: '13812345678' })).json().duplicate).toBe(false);
    expect((await post({ event: 'newCall', callId: 'dup-1', from: '13812345678' })).json()).toMatchObject({
      accepted: true,
      duplicate: true,
    });
    expect((await post(ring)).json().duplicate).toBe(false);
    expect((await post(ring)).json().duplicate).toBe(true);
    expect((await post({ ...ring, extension: '8002' })).json().duplicate).toBe(false);
    expect((await post({ event: 'hangup', callId: 'dup-1', cause: 'normal' })).json().duplicate).toBe(false);
    await waitFor(async () => published('dup-1').length >= 4, { what: 'the reports of dup-1' });
    // Anything published twice would have arrived by the time a later call's report does.
    await post({ event: 'newCall', callId: 'dup-marker', from: '13812345678' });
    await waitFor(async () => published('dup-marker').length === 1, { what: 'the marker' });
    expect(published('dup-1').map((m) => `${m.data.event}:${m.data.extension ?? ''}`)).toEqual([
      'newCall:',
      'ringing:8001',
      'ringing:8002',
      'hangup:',
    ]);
  });

  it('tells the PBX to reject a blocked number until the block is lifted or expires, and audits both', async () => {
    const admin = bearer(await gw.token('jinxing.admin'));
    const blocked = await gw.app.inject({
      method: 'POST',
      url: '/cti/blocked-numbers',
      headers: admin,
      payload: { number: '+86 139-0000-1111', reason: '反复辱骂话务员', expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(blocked.statusCode).toBe(201);
    expect(blocked.json()).toMatchObject({ number: '13900001111', active: true, orgPath: '/nanchang/jinxing/' });

    const verdict = (from: string) =>
      gw.app.inject({ method: 'GET', url: `/cti/pbx/verdict?from=${encodeURIComponent(from)}`, headers: { 'x-cti-token': token } });
    expect((await verdict('13900001111')).json()).toEqual({ action: 'reject', reason: 'blocked' });
    expect((await verdict('13900002222')).json()).toEqual({ action: 'accept' });
    const call = await post({ event: 'newCall', callId: 'blocked-1', from: '139 0000 1111' });
    expect(call.json()).toEqual({ accepted: true, duplicate: false, action: 'reject', reason: 'blocked' });
    await waitFor(async () => published('blocked-1').length === 1, { what: 'the blocked call on the bus' });
    expect(published('blocked-1')[0].data).toMatchObject({ blocked: true });

    const lifted = await gw.app.inject({
      method: 'POST',
      url: `/cti/blocked-numbers/${blocked.json().id}/lift`,
      headers: admin,
      payload: { reason: '居民已道歉' },
    });
    expect(lifted.json()).toMatchObject({ active: false });
    expect((await verdict('13900001111')).json()).toEqual({ action: 'accept' });
    const audits = await gw.ds.query(`SELECT action, purpose FROM audit_record WHERE resource_id = $1 ORDER BY occurred_at`, [
      blocked.json().id,
    ]);
    expect(audits).toEqual([
      { action: 'cti.number-blocked', purpose: '反复辱骂话务员' },
      { action: 'cti.number-unblocked', purpose: '居民已道歉' },
    ]);

    await gw.ds.query(`UPDATE cti_blocked_number SET lifted_at = NULL, expires_at = now() - interval '1 minute' WHERE id = $1`, [
      blocked.json().id,
    ]);
    expect((await verdict('13900001111')).json()).toEqual({ action: 'accept' });
    const record = await gw.app.inject({ method: 'GET', url: '/cti/blocked-numbers?active=false', headers: admin });
    expect(record.json().map((b: { id: string }) => b.id)).toContain(blocked.json().id);
    expect((await gw.app.inject({ method: 'GET', url: '/cti/blocked-numbers', headers: admin })).json()).toEqual([]);
  });

  it('loses nothing in a burst of 1,000 calls sent as fast as the gateway takes them', async () => {
    const calls = Array.from({ length: 1_000 }, (_, i) => `burst-${i}`);
    const started = Date.now();
    for (let i = 0; i < calls.length; i += 50) {
      await Promise.all(
        calls
          .slice(i, i + 50)
          .flatMap((callId) => [
            post({ event: 'newCall', callId, from: '13812345678' }).then((r) => expect(r.statusCode).toBe(202)),
            post({ event: 'hangup', callId, cause: 'abandoned' }).then((r) => expect(r.statusCode).toBe(202)),
          ]),
      );
    }
    const took = Date.now() - started;
    process.stdout.write(`1,000 calls (2,000 reports) taken in ${took} ms\n`);
    const burst = () => new Set(watch.messages.filter((m) => m.key?.startsWith('burst-')).map((m) => `${m.key}|${m.data.event}`));
    await waitFor(async () => burst().size === 2_000, { timeoutMs: 120_000, what: 'every burst report on the bus' });
    expect(watch.messages.filter((m) => m.key?.startsWith('burst-'))).toHaveLength(2_000);
    const [{ n }] = await gw.ds.query(`SELECT count(*)::int AS n FROM cti_receipt WHERE call_id LIKE 'burst-%'`);
    expect(n).toBe(2_000);
  });

  it('forgets receipts past CTI_RECEIPT_RETENTION_HOURS (72), and answers a report still remembered as a duplicate', async () => {
    expect((await post({ event: 'newCall', callId: 'kept-1', from: '13812345678' })).json()).toMatchObject({ duplicate: false });
    expect((await post({ event: 'newCall', callId: 'old-1', from: '13812345678' })).json()).toMatchObject({ duplicate: false });
    await gw.ds.query(`UPDATE cti_receipt SET received_at = now() - interval '73 hours' WHERE call_id = 'old-1'`);
    await gw.ds.query(`UPDATE cti_receipt SET received_at = now() - interval '71 hours' WHERE call_id = 'kept-1'`);

    expect(await gw.app.get(LimitsSweeper).sweep()).toBe(false);
    const left = await gw.ds.query(`SELECT call_id FROM cti_receipt WHERE call_id IN ('kept-1', 'old-1')`);
    expect(left).toEqual([{ call_id: 'kept-1' }]);
    expect((await post({ event: 'newCall', callId: 'kept-1', from: '13812345678' })).json()).toMatchObject({ duplicate: true });
  });
});
