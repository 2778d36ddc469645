import { getLogger } from '@bangbang/observability';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { calculateJwkThumbprint, errors, exportJWK, generateKeyPair, importJWK, JWK, JWTPayload, JWTVerifyGetKey, SignJWT } from 'jose';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { GatewayConfig } from '../gateway.config';
import { SigningKey } from './signing-key.entity';

export const ISSUER = 'bangbang-gateway';
export const AUDIENCE = 'bangbang';
const ROTATION_LOCK = 727_300;
const RELOAD_AT_MOST_EVERY_MS = 5_000;
const DAY_MS = 24 * 3_600_000;

type Imported = Awaited<ReturnType<typeof importJWK>>;

/**
 * The gateway's token signing keys: the newest key whose time has come signs, every key that may
 * still have live tokens is published. Rotation creates the successor ahead of time, so it is in
 * every service's JWKS cache before its first token.
 */
@Injectable()
export class SigningKeys implements OnModuleInit, OnModuleDestroy {
  private readonly log = getLogger('signing-keys');
  private published: SigningKey[] = [];
  private readonly imported = new Map<string, Promise<Imported>>();
  private lastReload = 0;
  private timer?: NodeJS.Timeout;
  private started?: Promise<void>;

  constructor(
    private readonly ds: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  // Init hooks run once for the HTTP app and once more for the event consumer sharing its modules.
  onModuleInit(): Promise<void> {
    return (this.started ??= this.start());
  }

  private async start(): Promise<void> {
    await this.rotate();
    this.timer = setInterval(() => this.rotate().catch((err) => this.log.error({ err }, 'key rotation failed')), 60_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Creates the first key, or the successor once the current key nears the end of its term. */
  async rotate(now = new Date()): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [ROTATION_LOCK]);
      const keys = await m.find(SigningKey, { where: { publishedUntil: MoreThan(now) }, order: { signsFrom: 'DESC' } });
      const current = keys.find((k) => k.signsFrom <= now && k.signsUntil > now);
      if (!current) return void (await this.createKey(m, now));
      const successorDue = current.signsUntil.getTime() - this.config.SIGNING_KEY_PUBLISH_AHEAD_SECONDS * 1_000 <= now.getTime();
      if (successorDue && !keys.some((k) => k.signsFrom >= current.signsUntil)) await this.createKey(m, current.signsUntil);
    });
    await this.reload(now);
  }

  async sign(claims: JWTPayload, subject: string, ttlSeconds: number): Promise<string> {
    const key = await this.signingKey();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(await this.importOnce(`private:${key.kid}`, key.privateJwk));
  }

  jwks(): { keys: JWK[] } {
    const now = Date.now();
    return { keys: this.published.filter((k) => k.publishedUntil.getTime() > now).map((k) => k.publicJwk) };
  }

  /** For the gateway's own guard: its keys from memory, reloaded when a token names a kid it lacks. */
  readonly keySource: JWTVerifyGetKey = async (header) => {
    let key = this.published.find((k) => k.kid === header.kid);
    if (!key && Date.now() - this.lastReload > RELOAD_AT_MOST_EVERY_MS) {
      await this.reload();
      key = this.published.find((k) => k.kid === header.kid);
    }
    if (!key || key.publishedUntil.getTime() <= Date.now()) throw new errors.JWKSNoMatchingKey();
    return this.importOnce(`public:${key.kid}`, key.publicJwk);
  };

  private async signingKey(): Promise<SigningKey> {
    const now = Date.now();
    const pick = () => this.published.find((k) => k.signsFrom.getTime() <= now && k.signsUntil.getTime() > now);
    const key = pick() ?? (await this.rotate(), pick());
    if (!key) throw new Error('no signing key');
    return key;
  }

  private async createKey(m: EntityManager, signsFrom: Date): Promise<void> {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const signsUntil = new Date(signsFrom.getTime() + this.config.SIGNING_KEY_ROTATION_DAYS * DAY_MS);
    await m.insert(SigningKey, {
      kid,
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
      publicJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' },
      signsFrom,
      signsUntil,
      publishedUntil: new Date(signsUntil.getTime() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1_000 + 60_000),
    });
    this.log.info({ kid, signsFrom, signsUntil }, 'signing key created');
  }

  private async reload(now = new Date()): Promise<void> {
    this.lastReload = Date.now();
    this.published = await this.ds.getRepository(SigningKey).find({
      where: { publishedUntil: MoreThan(now) },
      order: { signsFrom: 'DESC' },
    });
  }

  private importOnce(id: string, jwk: JWK): Promise<Imported> {
    let key = this.imported.get(id);
    if (!key) this.imported.set(id, (key = importJWK(jwk, 'ES256')));
    return key;
  }
}
