import { loadConfig } from '@bangbang/observability';
import { createTestDatabase, TestDatabase, uniqueId } from '@bangbang/testing';
import { Admin, ConfigResourceTypes } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  createKafka,
  ensureTopics,
  InboxPruning1764000000001,
  MessagingConfig,
  MessagingHousekeeping,
  MessagingTables1764000000000,
  TopicNames,
} from '../src';

const HOUR_MS = 3_600_000;

describe('messaging housekeeping', () => {
  const prefix = `${uniqueId('t')}.`;
  let db: TestDatabase;
  let ds: DataSource;
  let admin: Admin;
  let housekeeping: MessagingHousekeeping;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({
      type: 'postgres',
      url: db.url,
      migrations: [MessagingTables1764000000000, InboxPruning1764000000001],
    }).initialize();
    await ds.runMigrations();
    const config = loadConfig(MessagingConfig, {
      ...process.env,
      KAFKA_TOPIC_PREFIX: prefix,
      OUTBOX_RETENTION_HOURS: '24',
      INBOX_RETENTION_HOURS: '1',
    });
    admin = createKafka(config, 'housekeeping-test').admin();
    await admin.connect();
    await ensureTopics(admin, [`${prefix}short`, `${prefix}forever`], config);
    // `short`: kept an hour, in one-hour segments, so an event may come back for up to two hours.
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: `${prefix}short`,
          configEntries: [
            { name: 'retention.ms', value: String(HOUR_MS) },
            { name: 'segment.ms', value: String(HOUR_MS) },
          ],
        },
        { type: ConfigResourceTypes.TOPIC, name: `${prefix}forever`, configEntries: [{ name: 'retention.ms', value: '-1' }] },
      ],
    });
    housekeeping = new MessagingHousekeeping(ds, admin, new TopicNames(prefix), config);
  });

  afterAll(async () => {
    await admin?.disconnect();
    await ds?.destroy();
    await db?.drop();
  });

  const inbox = (id: string, topic: string, minutesAgo: number) =>
    ds.query(
      `INSERT INTO inbox (consumer_group, event_id, event_type, topic, partition, "offset", outcome, processed_at)
       VALUES ('g', $1, 't', $2, 0, 0, 'applied', now() - make_interval(mins => $3))`,
      [id, topic, minutesAgo],
    );
  const outbox = (key: string, hoursAgo: number | null) =>
    ds.query(
      `INSERT INTO outbox (id, topic, key, type, headers, payload, created_at, sent_at)
       VALUES (gen_random_uuid(), 'short', $1, 't', '{}', '{}', now() - interval '30 hours',
               CASE WHEN $2::int IS NULL THEN NULL ELSE now() - make_interval(hours => $2::int) END)`,
      [key, hoursAgo],
    );

  it('prunes inbox rows past their topic’s retention plus a segment, never a topic kept forever, and sent outbox rows past theirs', async () => {
    await inbox('short-old', 'short', 150);
    await inbox('short-past-config-within-topic', 'short', 90);
    await inbox('short-new', 'short', 1);
    await inbox('forever-old', 'forever', 60 * 24 * 400);
    await inbox('gone-topic', 'never-created', 60 * 24 * 400);
    await outbox('sent-long-ago', 25);
    await outbox('sent-recently', 1);
    await outbox('pending', null);

    expect(await housekeeping.runOnce()).toBe(false);

    const kept = (await ds.query('SELECT event_id FROM inbox ORDER BY event_id')).map((r: { event_id: string }) => r.event_id);
    expect(kept).toEqual(['forever-old', 'gone-topic', 'short-new', 'short-past-config-within-topic']);
    const outboxLeft = (await ds.query('SELECT key FROM outbox ORDER BY key')).map((r: { key: string }) => r.key);
    expect(outboxLeft).toEqual(['pending', 'sent-recently']);
  });
});
