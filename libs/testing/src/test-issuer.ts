import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface TestPrincipal {
  id: string;
  kind: 'staff' | 'merchant' | 'volunteer' | 'resident';
  role: string;
  org: string;
  orgPath: string;
  name?: string;
  /** The `cred` claim: the API key a merchant token was minted for. */
  credential?: string;
  /** The `scp` claim: that key's scopes. */
  scopes?: string[];
}

/**
 * Stands in for the gateway's token issuer: serves a JWKS on loopback and signs access tokens with
 * the same claims, so a service under test verifies real tokens exactly as in production.
 */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    private readonly privateKey: SigningKey,
    readonly jwksUrl: string,
  ) {}

  static async start(): Promise<TestIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
    const server = createServer((_, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestIssuer(server, privateKey, `http://127.0.0.1:${port}/.well-known/jwks.json`);
  }

  /** Environment entries that point a service's AuthModule at this issuer. */
  env(): NodeJS.ProcessEnv {
    return { AUTH_JWKS_URL: this.jwksUrl };
  }

  token(p: TestPrincipal, expiresIn: string | number = '10m'): Promise<string> {
    const key = { ...(p.credential ? { cred: p.credential } : {}), ...(p.scopes ? { scp: p.scopes } : {}) };
    return new SignJWT({ typ: 'access', kind: p.kind, role: p.role, org: p.org, orgPath: p.orgPath, name: p.name ?? p.id, ...key })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setSubject(p.id)
      .setIssuer('bangbang-gateway')
      .setAudience('bangbang')
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.privateKey);
  }

  async bearer(p: TestPrincipal): Promise<{ authorization: string }> {
    return { authorization: `Bearer ${await this.token(p)}` };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
