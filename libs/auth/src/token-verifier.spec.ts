import { createLocalJWKSet, exportJWK, generateKeyPair, JWTPayload, SignJWT } from 'jose';
import { bearerToken, InvalidTokenError, TokenVerifier } from './token-verifier';

const config = { AUTH_ISSUER: 'bangbang-gateway', AUTH_AUDIENCE: 'bangbang', AUTH_CLOCK_TOLERANCE_SECONDS: 0 };
const claims = { typ: 'access', kind: 'staff', role: 'street_admin', org: 'jinxing', orgPath: '/nanchang/jinxing/', name: '王' };

async function keyPair(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

describe('TokenVerifier', () => {
  let trusted: Awaited<ReturnType<typeof keyPair>>;
  let verifier: TokenVerifier;

  const sign = (key = trusted, payload: JWTPayload = claims, opts: { exp?: string | number; iss?: string } = {}) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setSubject('user-1')
      .setIssuer(opts.iss ?? config.AUTH_ISSUER)
      .setAudience(config.AUTH_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? '5m')
      .sign(key.privateKey);

  beforeAll(async () => {
    trusted = await keyPair('k1');
    verifier = new TokenVerifier(createLocalJWKSet({ keys: [trusted.jwk] }), config);
  });

  it('turns a valid token into its principal', async () => {
    await expect(verifier.verify(await sign())).resolves.toEqual({
      id: 'user-1',
      kind: 'staff',
      role: 'street_admin',
      org: 'jinxing',
      orgPath: '/nanchang/jinxing/',
      name: '王',
    });
  });

  it("carries a merchant key's id and scopes, and refuses malformed ones", async () => {
    const merchant = { ...claims, kind: 'merchant', role: 'merchant' };
    await expect(verifier.verify(await sign(trusted, { ...merchant, cred: 'key-1', scp: ['jobs'] }))).resolves.toMatchObject({
      credential: 'key-1',
      scopes: ['jobs'],
    });
    await expect(verifier.verify(await sign(trusted, { ...merchant, scp: 'manage' }))).rejects.toThrow(/scp/);
    await expect(verifier.verify(await sign(trusted, { ...merchant, cred: 7 }))).rejects.toThrow(/cred/);
  });

  it('rejects an expired token', async () => {
    const token = await sign(trusted, claims, { exp: Math.floor(Date.now() / 1000) - 10 });
    await expect(verifier.verify(token)).rejects.toThrow(InvalidTokenError);
  });

  it('rejects a tampered token', async () => {
    const [header, payload, signature] = (await sign()).split('.');
    const widened = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), orgPath: '/nanchang/' }),
    ).toString('base64url');
    await expect(verifier.verify([header, widened, signature].join('.'))).rejects.toThrow(InvalidTokenError);
  });

  it('rejects a token signed by another key, under an unknown or a known kid', async () => {
    const stranger = await keyPair('k2');
    await expect(verifier.verify(await sign(stranger))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await sign({ ...stranger, kid: 'k1' }))).rejects.toThrow(InvalidTokenError);
  });

  it('rejects another issuer and tokens that are not access tokens', async () => {
    await expect(verifier.verify(await sign(trusted, claims, { iss: 'someone-else' }))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await sign(trusted, { ...claims, typ: 'refresh' }))).rejects.toThrow(/not an access token/);
  });

  it('rejects a malformed scope', async () => {
    await expect(verifier.verify(await sign(trusted, { ...claims, orgPath: '/nanchang' }))).rejects.toThrow(/scope/);
  });

  it('checks the signature of a token once, then again only after a minute at most', async () => {
    let lookups = 0;
    const local = createLocalJWKSet({ keys: [trusted.jwk] });
    const counting = new TokenVerifier((header, token) => {
      lookups++;
      return local(header, token);
    }, config);
    const token = await sign();
    const first = await counting.verify(token);
    await expect(counting.verify(token)).resolves.toEqual(first);
    expect(lookups).toBe(1);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      await expect(counting.verify(token)).resolves.toEqual(first);
      expect(lookups).toBe(2);
    } finally {
      clock.mockRestore();
    }
    // A token that failed is not remembered: each presentation is refused afresh.
    const stranger = await keyPair('k3');
    const forged = await sign(stranger);
    await expect(counting.verify(forged)).rejects.toThrow(InvalidTokenError);
    await expect(counting.verify(forged)).rejects.toThrow(InvalidTokenError);
    expect(lookups).toBe(4);
  });

  it('reads only well-formed bearer headers', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
