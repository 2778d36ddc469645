import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { guardedLookup, Resolver, WebhookClient } from './webhook-http';

describe('webhook client', () => {
  let server: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/ok' }).end();
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 500);
      } else res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('refuses a public-looking name once DNS answers with loopback (rebinding), without connecting', async () => {
    const before = hits;
    const answers = [['93.184.216.34'], ['93.184.216.34', '127.0.0.1']];
    let asked = 0;
    const rebinding: Resolver = (_host, _opts, cb) =>
      cb(
        null,
        answers[Math.min(asked++, 1)].map((address) => ({ address, family: 4 })),
      );
    const lookup = guardedLookup(false, rebinding);
    const first = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup('hooks.example.com', { all: true }, (err) => resolve(err)),
    );
    expect(first).toBeNull();
    const client = new WebhookClient({ allowLocalHttp: false, timeoutMs: 2_000, resolver: rebinding });
    const result = await client.post('https://hooks.example.com/hook', {}, '{}');
    client.close();
    expect(result.status).toBeUndefined();
    // The merchant reads this in its delivery log: it must not learn what our DNS answered.
    expect(result.error).toBe("the endpoint's address is not allowed");
    expect(hits).toBe(before);
  });

  it('checks address literals before every attempt, whatever form they take', async () => {
    const client = new WebhookClient({ allowLocalHttp: false, timeoutMs: 2_000 });
    for (const url of [
      'https://2130706433/hook',
      'https://0x7f000001/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://169.254.169.254/',
    ]) {
      expect((await client.post(url, {}, '{}')).error).toBe("the endpoint's address is not allowed");
    }
    client.close();
  });

  it('refuses every resolved address that is not public in the DNS answer itself', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guardedLookup(false)('localhost', { all: true }, (err) => resolve(err)),
    );
    expect(error?.code).toBe('EADDRNOTPUBLIC');
    const ok = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guardedLookup(true)('localhost', { all: true }, (err) => resolve(err)),
    );
    expect(ok).toBeNull();
  });

  it('does not follow a redirect and reports its status', async () => {
    const client = new WebhookClient({ allowLocalHttp: true, timeoutMs: 2_000 });
    const before = hits;
    const result = await client.post(`http://127.0.0.1:${port}/redirect`, {}, '{}');
    client.close();
    expect(result.status).toBe(302);
    expect(hits).toBe(before + 1);
  });

  it('gives up at the deadline', async () => {
    const client = new WebhookClient({ allowLocalHttp: true, timeoutMs: 100 });
    const result = await client.post(`http://127.0.0.1:${port}/slow`, {}, '{}');
    client.close();
    expect(result.error).toMatch(/no answer within 100 ms/);
    expect(result.latencyMs).toBeGreaterThanOrEqual(90);
  });
});
