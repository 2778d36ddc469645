import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { remoteKeys } from './remote-keys';
import { KeysUnavailableError, TokenVerifier } from './token-verifier';

const config = { AUTH_ISSUER: 'bangbang-gateway', AUTH_AUDIENCE: 'bangbang', AUTH_CLOCK_TOLERANCE_SECONDS: 0 };
const claims = { typ: 'access', kind: 'staff', role: 'street_admin', org: 'jinxing', orgPath: '/nanchang/jinxing/', name: '王' };

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json` };
}

describe('remoteKeys', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  it('has the keys from another gateway while the first cannot be reached, and says so when none can', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] });
    const live = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    const gone = await listen((_req, res) => res.end());
    servers.push(live.server);
    await new Promise((r) => gone.server.close(r));
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('user-1')
      .setIssuer(config.AUTH_ISSUER)
      .setAudience(config.AUTH_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

    await expect(new TokenVerifier(remoteKeys([gone.url, live.url]), config).verify(token)).resolves.toMatchObject({ id: 'user-1' });
    await expect(new TokenVerifier(remoteKeys([gone.url]), config).verify(token)).rejects.toThrow(KeysUnavailableError);

    // A gateway shutting down answers 503, and whatever took a dead one's port may answer 404:
    // neither says anything about the token.
    for (const status of [503, 404]) {
      const refusing = await listen((_req, res) => res.writeHead(status).end());
      servers.push(refusing.server);
      await expect(new TokenVerifier(remoteKeys([refusing.url, live.url]), config).verify(token)).resolves.toMatchObject({ id: 'user-1' });
      await expect(new TokenVerifier(remoteKeys([refusing.url]), config).verify(token)).rejects.toThrow(KeysUnavailableError);
    }
  });
});
