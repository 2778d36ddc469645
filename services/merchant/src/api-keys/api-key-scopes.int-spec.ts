import { ApiKeyIssued } from '@bangbang/contracts';
import { randomUUID } from 'node:crypto';
import { JINCHENG, merchant, MerchantHarness, startMerchant, STREET_ADMIN } from '../../test/merchant-harness';

/** A leaked key must not be able to take the integration over (issue 12, finding 5). */
describe('API key scopes and per-key idempotency', () => {
  let h: MerchantHarness;

  beforeAll(async () => {
    h = await startMerchant();
  });

  afterAll(() => h?.stop());

  const issuedEvent = (keyId: string) =>
    h.ds.query('SELECT payload::jsonb AS data FROM outbox WHERE type = $1 AND key = $2', [ApiKeyIssued.type, keyId]).then(([r]) => r.data);

  it('issues a jobs-only key unless the admin asks for manage; a jobs key cannot touch keys, webhooks, the profile or the price list', async () => {
    const id = await h.activeUnit('Narrow Keys');
    const issued = await h.call(STREET_ADMIN, 'POST', `/units/${id}/api-keys`);
    expect(issued.statusCode).toBe(201);
    expect(issued.json().scopes).toEqual(['jobs']);
    expect(await issuedEvent(issued.json().keyId)).toMatchObject({ scopes: ['jobs'] });
    const [row] = await h.ds.query('SELECT scopes FROM api_key WHERE key_id = $1', [issued.json().keyId]);
    expect(row.scopes).toEqual(['jobs']);

    for (const narrow of [merchant(id, JINCHENG, { credential: issued.json().keyId, scopes: ['jobs'] }), merchant(id, JINCHENG, {})]) {
      expect((await h.call(narrow, 'GET', '/me')).statusCode).toBe(200);
      expect((await h.call(narrow, 'GET', '/me/jobs')).statusCode).toBe(200);
      expect((await h.call(narrow, 'GET', '/me/offerings')).statusCode).toBe(200);
      expect((await h.call(narrow, 'GET', '/me/scorecard')).statusCode).toBe(200);
      for (const [method, url, body] of [
        ['POST', '/me/api-keys/rotate'],
        ['GET', '/me/api-keys'],
        ['DELETE', `/me/api-keys/${issued.json().keyId}`],
        ['POST', '/me/webhooks', { url: 'http://127.0.0.1:4100/hook' }],
        ['GET', '/me/webhooks'],
        ['GET', '/me/webhooks/deliveries'],
        ['POST', `/me/webhooks/${randomUUID()}/rotate-secret`],
        ['PATCH', '/me', { contactName: '李师傅' }],
        ['PUT', '/me/offerings/elderly-care', { description: 'home visits', priceMinFen: 0 }],
        ['DELETE', '/me/offerings/water-electric-repair'],
      ] as [string, string, object?][]) {
        const res = await h.call(narrow, method, url, body);
        expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 403 });
        expect(res.json().message).toBe('this API key may do offers and jobs only: managing the unit needs a key with the manage scope');
      }
    }
    const [live] = await h.ds.query(
      'SELECT count(*)::int AS n FROM api_key WHERE unit_id = $1 AND revoked_at IS NULL AND revoke_at IS NULL',
      [id],
    );
    expect(live.n).toBe(1);

    const wide = await h.call(STREET_ADMIN, 'POST', `/units/${id}/api-keys`, { scopes: ['manage'] });
    expect(wide.statusCode).toBe(201);
    expect(wide.json().scopes).toEqual(['jobs', 'manage']);
    expect(await issuedEvent(wide.json().keyId)).toMatchObject({ scopes: ['jobs', 'manage'] });
    const rotated = await h.call(
      merchant(id, JINCHENG, { credential: wide.json().keyId, scopes: ['jobs', 'manage'] }),
      'POST',
      '/me/api-keys/rotate',
    );
    expect(rotated.statusCode).toBe(201);
    expect(rotated.json().scopes).toEqual(['jobs', 'manage']);

    const bad = await h.call(STREET_ADMIN, 'POST', `/units/${id}/api-keys`, { scopes: ['root'] });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().message)).toContain('scopes');
  });

  it('keeps Idempotency-Key answers per key, and never replays a key or a secret', async () => {
    const id = await h.activeUnit('Two Keys');
    const [a, b] = [
      merchant(id, JINCHENG, { credential: randomUUID(), scopes: ['jobs', 'manage'] }),
      merchant(id, JINCHENG, { credential: randomUUID(), scopes: ['jobs', 'manage'] }),
    ];
    const retry = { 'idempotency-key': 'register-hook-0001' };
    const body = { url: 'http://127.0.0.1:4100/hook' };

    const first = await h.call(a, 'POST', '/me/webhooks', body, retry);
    expect(first.statusCode).toBe(201);
    expect(first.json().secret).toMatch(/^whsec_/);
    const replayed = await h.call(a, 'POST', '/me/webhooks', body, retry);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.json().id).toBe(first.json().id);
    expect(replayed.json().secret).toBeUndefined();
    expect(replayed.body).not.toContain(first.json().secret);

    const another = await h.call(b, 'POST', '/me/webhooks', body, retry);
    expect(another.statusCode).toBe(201);
    expect(another.headers['idempotent-replayed']).toBeUndefined();
    expect(another.json().id).not.toBe(first.json().id);
    expect(another.json().secret).toMatch(/^whsec_/);

    const rotate = { 'idempotency-key': 'rotate-key-0001' };
    const key = await h.call(a, 'POST', '/me/api-keys/rotate', undefined, rotate);
    expect(key.json().apiKey).toMatch(/^bbk_/);
    const keyAgain = await h.call(a, 'POST', '/me/api-keys/rotate', undefined, rotate);
    expect(keyAgain.headers['idempotent-replayed']).toBe('true');
    expect(keyAgain.json().keyId).toBe(key.json().keyId);
    expect(keyAgain.json().apiKey).toBeUndefined();
    const fromB = await h.call(b, 'POST', '/me/api-keys/rotate', undefined, rotate);
    expect(fromB.headers['idempotent-replayed']).toBeUndefined();
    expect(fromB.json().keyId).not.toBe(key.json().keyId);
  });
});
