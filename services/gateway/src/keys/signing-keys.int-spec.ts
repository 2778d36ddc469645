import { MessagingTables1764000000000 } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';
import { createTestDatabase, TestDatabase } from '@bangbang/testing';
import { jwtVerify } from 'jose';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../gateway.service-definition';
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
    const keys = new SigningKeys(ds, loadConfig(GatewayConfig, { SIGNING_KEY_ROTATION_DAYS: '30', SIGNING_KEY_PUBLISH_AHEAD_SECONDS: '120' }));
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
});
