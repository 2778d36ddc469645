import { getLogger } from '@bangbang/observability';
import { BackgroundLoop } from '@bangbang/persistence';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { calculateJwkThumbprint, errors, exportJWK, generateKeyPair, importJWK, JWK, JWTPayload, JWTVerifyGetKey, SignJWT } from 'jose';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { GATEWAY_CONFIG, KEY_CIPHER } from '../gateway-tokens';
import { GatewayConfig } from '../gateway.config';
import { isSealed, KeyCipher } from './key-cipher';
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
  private readonly loop = new BackgroundLoop({ name: 'signing-key-rotation', everyMs: 60_000, pass: () => this.rotate() });
  private started?: Promise<void>;

  constructor(
    private readonly ds: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Optional() @Inject(KEY_CIPHER) private readonly cipher: KeyCipher | null = null,
  ) {}

  // Init hooks run once for the HTTP app and once more for the event consumer sharing its modules.
  onModuleInit(): Promise<void> {
    return (this.started ??= this.start());
  }

  private async start(): Promise<void> {
    await this.sealPlainKeys();
    await this.rotate();
    // A missing or wrong encryption key stops the start here rather than at the first sign-in.
    await this.privateKey(await this.signingKey());
    await this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
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
      .sign(await this.privateKey(key));
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
    const { publicJwk } = key;
    return this.importOnce(`public:${key.kid}`, () => publicJwk);
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
    const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
    await m.insert(SigningKey, {
      kid,
      privateJwk: this.cipher ? this.cipher.seal(kid, privateJwk) : privateJwk,
      publicJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' },
      signsFrom,
      signsUntil,
      publishedUntil: new Date(signsUntil.getTime() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1_000 + 60_000),
    });
    this.log.info({ kid, signsFrom, signsUntil }, 'signing key created');
  }

  private privateKey(key: SigningKey): Promise<Imported> {
    const stored = key.privateJwk;
    return this.importOnce(`private:${key.kid}`, () => {
      if (!isSealed(stored)) return stored;
      if (!this.cipher) throw new Error(`signing key ${key.kid} is sealed and SIGNING_KEY_ENCRYPTION_KEY is not set`);
      return this.cipher.open(key.kid, stored);
    });
  }

  /** Keys stored in plain form before the encryption key was set are sealed at the first start with it. */
  private async sealPlainKeys(): Promise<void> {
    const cipher = this.cipher;
    if (!cipher) return;
    await this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [ROTATION_LOCK]);
      for (const key of await m.find(SigningKey)) {
        if (isSealed(key.privateJwk)) continue;
        await m.update(SigningKey, { kid: key.kid }, { privateJwk: cipher.seal(key.kid, key.privateJwk) });
        this.log.info({ kid: key.kid }, 'signing key sealed');
      }
    });
  }

  private async reload(now = new Date()): Promise<void> {
    this.lastReload = Date.now();
    this.published = await this.ds.getRepository(SigningKey).find({
      where: { publishedUntil: MoreThan(now) },
      order: { signsFrom: 'DESC' },
    });
  }

  private importOnce(id: string, jwk: () => JWK): Promise<Imported> {
    let key = this.imported.get(id);
    if (!key) {
      key = Promise.resolve().then(() => importJWK(jwk(), 'ES256'));
      // A key that failed to open is tried again next time, not remembered as failed.
      key.catch(() => this.imported.delete(id));
      this.imported.set(id, key);
    }
    return key;
  }
}
