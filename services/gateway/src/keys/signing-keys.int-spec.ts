import { MessagingTables1764000000000 } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';
import { createTestDatabase, TestDatabase } from '@bangbang/testing';
import { jwtVerify } from 'jose';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../gateway.service-definition';
import { gatewayService } from '../gateway.service-definition';
import { keyCipherFor } from './key-cipher';
import { SigningKey } from './signing-key.entity';
import { SigningKeys } from './signing-keys';

const DAY = 24 * 3_600_000;

describe('signing key rotation', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({
      type: 'postgres',
      url: db.url,
      entities: GATEWAY_ENTITIES,
      migrations: [MessagingTables1764000000000, ...GATEWAY_MIGRATIONS],
    }).initialize();
    await ds.runMigrations();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('publishes the successor ahead of its first token, keeps the old key while its tokens live, then drops it', async () => {
    const keys = new SigningKeys(
      ds,
      loadConfig(GatewayConfig, { SIGNING_KEY_ROTATION_DAYS: '30', SIGNING_KEY_PUBLISH_AHEAD_SECONDS: '120' }),
    );
    const t0 = new Date();
    await keys.rotate(t0);
    await keys.rotate(t0); // a restart creates nothing new
    const [first] = await ds.getRepository(SigningKey).find();
    expect(await ds.getRepository(SigningKey).count()).toBe(1);

    const token = await keys.sign({ typ: 'access' }, 'u1', 60);
    await expect(jwtVerify(token, keys.keySource)).resolves.toMatchObject({ protectedHeader: { kid: first.kid } });

    await keys.rotate(new Date(t0.getTime() + 30 * DAY - 60_000));
    const all = await ds.getRepository(SigningKey).find({ order: { signsFrom: 'ASC' } });
    expect(all).toHaveLength(2);
    expect(all[1].signsFrom).toEqual(first.signsUntil);
    expect(keys.jwks().keys.map((k) => k.kid)).toEqual([all[1].kid, first.kid]);
    // The old key still verifies what it signed.
    await expect(jwtVerify(token, keys.keySource)).resolves.toBeDefined();

    await keys.rotate(new Date(t0.getTime() + 31 * DAY));
    expect(await ds.getRepository(SigningKey).count()).toBe(2);
    await expect(jwtVerify(token, keys.keySource)).rejects.toThrow(/no applicable key/);
  });

  describe('at rest', () => {
    const encryption = { SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    // A developer's gateway: without BANGBANG_DEV a start without the key is refused (below).
    const keysWith = (env: NodeJS.ProcessEnv) => {
      const config = loadConfig(GatewayConfig, { BANGBANG_DEV: '1', ...env });
      return new SigningKeys(ds, config, keyCipherFor(config) ?? null);
    };
    const stored = async () =>
      (await ds.query(`SELECT kid, private_jwk FROM signing_key ORDER BY signs_from`)) as {
        kid: string;
        private_jwk: Record<string, unknown>;
      }[];

    beforeEach(() => ds.query('DELETE FROM signing_key'));

    it('seals plain keys at the first start with an encryption key, and still signs and verifies with them', async () => {
      const plain = keysWith({});
      await plain.onModuleInit();
      await plain.onModuleDestroy();
      const [before] = await stored();
      expect(before.private_jwk.d).toEqual(expect.any(String));
      const oldToken = await plain.sign({ typ: 'access' }, 'u1', 60);

      const sealed = keysWith(encryption);
      await sealed.onModuleInit();
      await sealed.onModuleDestroy();
      const [after] = await stored();
      expect(after.kid).toBe(before.kid);
      expect(after.private_jwk).toEqual({
        sealed: 'A256GCM',
        iv: expect.any(String),
        tag: expect.any(String),
        ciphertext: expect.any(String),
      });
      expect(JSON.stringify(after.private_jwk)).not.toContain(before.private_jwk.d as string);
      await expect(jwtVerify(oldToken, sealed.keySource)).resolves.toBeDefined();
      const newToken = await sealed.sign({ typ: 'access' }, 'u2', 60);
      await expect(jwtVerify(newToken, sealed.keySource)).resolves.toMatchObject({ payload: { sub: 'u2' } });
    });

    it('creates keys sealed, and will not start without the key that sealed them', async () => {
      const sealed = keysWith(encryption);
      await sealed.rotate();
      const [key] = await stored();
      expect(key.private_jwk.sealed).toBe('A256GCM');
      expect(key.private_jwk.d).toBeUndefined();
      await expect(keysWith({}).onModuleInit()).rejects.toThrow(/is sealed and SIGNING_KEY_ENCRYPTION_KEY is not set/);
      await expect(keysWith({ SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64') }).onModuleInit()).rejects.toThrow(
        /does not open with SIGNING_KEY_ENCRYPTION_KEY/,
      );
    });

    it('refuses a start without an encryption key unless development is asked for explicitly, and a malformed one anywhere', () => {
      expect(() => gatewayService.module({})).toThrow(/SIGNING_KEY_ENCRYPTION_KEY: required/);
      expect(() => gatewayService.module({ NODE_ENV: 'development' })).toThrow(/SIGNING_KEY_ENCRYPTION_KEY: required/);
      expect(() => gatewayService.module(encryption)).not.toThrow();
      expect(() => gatewayService.module({ BANGBANG_DEV: '1' })).not.toThrow();
      expect(() => gatewayService.module({ SIGNING_KEY_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(
        /SIGNING_KEY_ENCRYPTION_KEY must be base64 of exactly 32 bytes/,
      );
    });
  });
});
