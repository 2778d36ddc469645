import { errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AuthConfig } from './auth.config';
import { KINDS, Principal, PrincipalKind, Role, ROLES } from './principal';

/** The token was presented but cannot be trusted: expired, tampered, signed by another key... */
export class InvalidTokenError extends Error {}
/** The keys to check the token against could not be had: not the caller's fault. */
export class KeysUnavailableError extends Error {}

const ORG_PATH = /^\/([a-z][a-z0-9-]*\/)+$/;
/** jose's generic code is only its remote key set's: an answer other than 200, or not JSON. */
const KEYSET_TROUBLE = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JOSE_GENERIC']);

/** A failure to get the keys (refused, timed out, garbled), not an answer about the token. */
export function isKeysetTrouble(err: unknown): boolean {
  return !(err instanceof errors.JOSEError) || KEYSET_TROUBLE.has(err.code);
}

/**
 * A verified token is trusted again without its signature being checked for this long at most (and
 * never past its expiry): a signing key withdrawn from the JWKS stops counting within it.
 */
const REMEMBER_MS = 60_000;
/** Bounded by the tokens in use; dropping all past that costs one verification each. */
const MAX_REMEMBERED = 10_000;

export class TokenVerifier {
  /** Tokens already verified: every call of a client repeats the same one until it expires. */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly config: Pick<AuthConfig, 'AUTH_ISSUER' | 'AUTH_AUDIENCE' | 'AUTH_CLOCK_TOLERANCE_SECONDS'>,
  ) {}

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && known.until > now) return known.principal;
    this.verified.delete(token);
    const { principal, expiresAt } = await this.check(token);
    if (this.verified.size >= MAX_REMEMBERED) this.verified.clear();
    this.verified.set(token, { principal, until: Math.min(expiresAt, now + REMEMBER_MS) });
    return principal;
  }

  private async check(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.AUTH_ISSUER,
        audience: this.config.AUTH_AUDIENCE,
        algorithms: ['ES256'],
        clockTolerance: this.config.AUTH_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (err) {
      if (err instanceof errors.JOSEError && !KEYSET_TROUBLE.has(err.code)) {
        throw new InvalidTokenError(err.code, { cause: err });
      }
      throw new KeysUnavailableError('signing keys unavailable', { cause: err });
    }
    // Without the tolerance: a token nearly out of date is checked afresh, as jose would.
    return { principal: principalFrom(payload), expiresAt: payload.exp! * 1_000 };
  }
}

export function principalFrom(claims: JWTPayload): Principal {
  const { sub, typ, kind, role, org, orgPath, name, cred, scp } = claims as Record<string, unknown>;
  if (typ !== 'access') throw new InvalidTokenError('not an access token');
  if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('sub missing');
  if (!KINDS.includes(kind as PrincipalKind)) throw new InvalidTokenError('kind invalid');
  if (!ROLES.includes(role as Role)) throw new InvalidTokenError('role invalid');
  if (typeof org !== 'string' || typeof orgPath !== 'string' || !ORG_PATH.test(orgPath)) {
    throw new InvalidTokenError('org scope invalid');
  }
  if (cred !== undefined && (typeof cred !== 'string' || !cred || cred.length > 64)) throw new InvalidTokenError('cred invalid');
  if (scp !== undefined && (!Array.isArray(scp) || !scp.every((s) => typeof s === 'string' && /^[a-z]{1,32}$/.test(s)))) {
    throw new InvalidTokenError('scp invalid');
  }
  return {
    id: sub,
    kind: kind as PrincipalKind,
    role: role as Role,
    org,
    orgPath,
    name: typeof name === 'string' ? name : '',
    ...(cred === undefined ? {} : { credential: cred }),
    ...(scp === undefined ? {} : { scopes: scp as string[] }),
  };
}

export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match?.[1];
}
