import { freePort, waitFor } from '@bangbang/testing';
import { createServer, Server } from 'node:http';
import { GatewayClient } from './gateway-client';

/** A stand-in gateway that answers each call with the next status of a script, counting calls. */
async function scripted(statuses: number[]): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let calls = 0;
  const server: Server = createServer((req, res) => {
    const status = statuses[Math.min(calls++, statuses.length - 1)];
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, calls: () => calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the gateway client while a service is down', () => {
  it('tries a read again after a 502 and a 504, until it is answered', async () => {
    const gw = await scripted([502, 504, 200]);
    const client = new GatewayClient(gw.url);
    expect((await client.call('GET', '/api/x', undefined)).status).toBe(200);
    expect([gw.calls(), client.retriedOutage]).toEqual([3, 2]);
    await gw.close();
  });

  it('tries a change again after a 502 only with an Idempotency-Key or when the caller says a repeat is refused', async () => {
    const gw = await scripted([502, 201]);
    const client = new GatewayClient(gw.url);
    expect((await client.call('POST', '/api/x', undefined, { body: {} })).status).toBe(502);
    expect(gw.calls()).toBe(1);
    expect((await client.call('POST', '/api/x', undefined, { body: {}, headers: { 'idempotency-key': 'k-123456' } })).status).toBe(201);
    const again = await scripted([504, 200]);
    expect((await new GatewayClient(again.url).call('POST', '/api/x', undefined, { body: {}, repeatable: true })).status).toBe(200);
    await Promise.all([gw.close(), again.close()]);
  });

  it('tries any call again after a 503 (nothing was done) and a refused connection (nothing was sent)', async () => {
    const gw = await scripted([503, 201]);
    expect((await new GatewayClient(gw.url).call('POST', '/api/x', undefined, { body: {} })).status).toBe(201);
    expect(gw.calls()).toBe(2);
    await gw.close();

    const port = await freePort();
    const client = new GatewayClient(`http://127.0.0.1:${port}`);
    const answered = client.call('POST', '/api/x', undefined, { body: {} });
    // Nothing listens yet: refused, and tried again until the gateway is back.
    await waitFor(async () => client.retriedOutage > 0, { what: 'a refused call to be tried again' });
    const late = createServer((_req, res) => res.writeHead(201).end());
    await new Promise<void>((resolve) => late.listen(port, '127.0.0.1', resolve));
    expect((await answered).status).toBe(201);
    await new Promise((resolve) => late.close(resolve));
  });
});
