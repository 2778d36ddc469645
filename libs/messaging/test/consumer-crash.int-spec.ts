import { createTestDatabase, exited, groupLag, serviceEnv, spawnTs, TestDatabase, testKafka, uniqueId, waitFor } from '@bangbang/testing';
import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { Ping } from './ping.contract';
import { createPingTopic, producePings } from './ping-producer';

async function groupMembers(groupId: string): Promise<number> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0].members.length;
  } finally {
    await admin.disconnect();
  }
}

describe('consumer killed with SIGKILL mid-stream', () => {
  const prefix = `${uniqueId('t')}.`;
  const topic = `${prefix}${Ping.topic}`;
  let db: TestDatabase;
  let pg: Client;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await createPingTopic(prefix);
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await pg?.end();
    await db?.drop();
  });

  const effects = async () =>
    (await pg.query('SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct FROM ping_effect')).rows[0];

  it('applies every one of 1,000 events exactly once after a restart', async () => {
    const sent = await producePings(
      prefix,
      Array.from({ length: 1_000 }, (_, n) => ({ key: `aggregate-${n % 37}`, data: { n } })),
    );

    child = spawnTs(join(__dirname, 'ping-consumer.main.ts'), serviceEnv(db, prefix, { PING_DELAY_MS: '3' }));
    await waitFor(async () => (await effects().catch(() => ({ n: 0 }))).n >= 200, {
      timeoutMs: 60_000,
      what: '200 events applied before the kill',
    });
    child.kill('SIGKILL');
    expect((await exited(child)).signal).toBe('SIGKILL');
    const atKill = await effects();
    expect(atKill.n).toBeLessThan(1_000);

    child = spawnTs(join(__dirname, 'ping-consumer.main.ts'), serviceEnv(db, prefix));
    await waitFor(async () => (await groupLag(`${prefix}pingtest`, topic)) === 0, {
      timeoutMs: 90_000,
      what: 'the restarted consumer to commit every offset',
    });
    expect(await effects()).toEqual({ n: 1_000, distinct: 1_000 });
    const applied = await pg.query('SELECT event_id FROM ping_effect');
    expect(new Set(applied.rows.map((r) => r.event_id))).toEqual(new Set(sent.map((e) => e.id)));

    // A graceful stop leaves the group at once instead of holding partitions until the session times out.
    child.kill('SIGTERM');
    await exited(child);
    expect(await groupMembers(`${prefix}pingtest`)).toBe(0);
  });
});
