import { exited, spawnTs, waitFor } from '@bangbang/testing';
import { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DispatchHarness, profile, request } from '../../test/dispatch-harness';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('durable clocks: an instance killed while an offer is open', () => {
  let h: DispatchHarness;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    h = await DispatchHarness.start({ DISPATCH_OFFER_TIMEOUT_MERCHANT_MS: '2500', DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS: '60000' });
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await h?.stop();
  });

  it('lets another instance fire the timeout and offer the next candidate', async () => {
    child = spawnTs(join(__dirname, '../main.ts'), { ...h.env, PORT: String(await freePort()), DISPATCH_INSTANCE_ID: 'instance-a' });
    await h.providers(profile('first', { maxConcurrentJobs: 9 }), profile('second', { providerKind: 'volunteer', maxConcurrentJobs: 1 }));
    const r = request();
    await h.requests(r);
    const [open] = await h.waitForOffers(r.requestId, (o) => o.length === 1, 'the offer from instance a');
    expect(open).toMatchObject({ provider_id: 'first', status: 'open', offered_by: 'instance-a' });

    child.kill('SIGKILL');
    expect((await exited(child)).signal).toBe('SIGKILL');
    expect((await h.offers(r.requestId)).map((o) => o.status)).toEqual(['open']);

    await h.instance({ DISPATCH_INSTANCE_ID: 'instance-b' });
    const offers = await h.waitForOffers(r.requestId, (o) => o.length === 2, 'the next offer from instance b');
    expect(offers.map((o) => [o.provider_id, o.status, o.offered_by])).toEqual([
      ['first', 'expired', 'instance-a'],
      ['second', 'open', 'instance-b'],
    ]);
    const expired = await h.rows(`SELECT 1 FROM outbox WHERE type = 'bangbang.dispatch.expired.v1' AND key = $1`, [r.requestId]);
    expect(expired).toHaveLength(1);
    await waitFor(async () => (await h.rows('SELECT 1 FROM outbox WHERE sent_at IS NULL')).length === 0, { what: 'the outbox drained' });
  });
});
