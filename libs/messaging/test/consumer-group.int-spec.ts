import { createTestDatabase, serviceEnv, startTestApp, TestDatabase, testKafka, uniqueId, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { pingService } from './ping.app';
import { producePings } from './ping-producer';

async function assignedMembers(groupId: string): Promise<number> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const [group] = groups;
    return group.state === 'Stable' ? group.members.filter((m) => m.memberAssignment.length > 0).length : 0;
  } finally {
    await admin.disconnect();
  }
}

describe('two instances of one consumer group', () => {
  const prefix = `${uniqueId('t')}.`;
  let db: TestDatabase;
  let apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // Sequential: both migrate the same database, and the second joins an existing group.
    apps.push(await startTestApp(pingService, serviceEnv(db, prefix, { PING_INSTANCE: 'a' })));
    apps.push(await startTestApp(pingService, serviceEnv(db, prefix, { PING_INSTANCE: 'b' })));
  });

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    apps = [];
    await db?.drop();
  });

  it('share the partitions and together apply each event once', async () => {
    await waitFor(async () => (await assignedMembers(`${prefix}pingtest`)) === 2, {
      what: 'both instances to hold partitions',
    });
    await producePings(
      prefix,
      Array.from({ length: 300 }, (_, n) => ({ key: `k-${n}`, data: { n } })),
    );

    const ds = apps[0].get(DataSource);
    await waitFor(async () => (await ds.query('SELECT count(*)::int AS c FROM ping_effect'))[0].c >= 300, {
      what: '300 effects',
    });
    const [totals] = await ds.query('SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM ping_effect');
    expect(totals).toEqual({ n: 300, d: 300 });
    const perInstance = await ds.query('SELECT instance, count(*)::int AS c FROM ping_effect GROUP BY instance ORDER BY instance');
    expect(perInstance.map((r: { instance: string }) => r.instance)).toEqual(['a', 'b']);
  });
});
