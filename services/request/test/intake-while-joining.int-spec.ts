import { createEvent, toKafkaRecord, UnitCreated } from '@bangbang/contracts';
import {
  createTestDatabase,
  exited,
  freePort,
  serviceEnv,
  spawnTs,
  TestDatabase,
  TestIssuer,
  testKafka,
  uniqueId,
  waitFor,
} from '@bangbang/testing';
import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { PEOPLE, UNITS } from './harness';

const MAIN = join(__dirname, '../src/main.ts');

async function groupMembers(groupId: string): Promise<number> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    return (await admin.describeGroups([groupId])).groups[0].members.length;
  } finally {
    await admin.disconnect();
  }
}

/**
 * The request service as a supervisor runs it, in its own process: killed with SIGKILL, its group
 * member stays registered until its session runs out, and the restarted service must take calls
 * all that time instead of waiting for its consumer to join.
 */
describe('intake while the consumer group still waits for a dead member', () => {
  const prefix = `${uniqueId('t')}.`;
  let db: TestDatabase;
  let issuer: TestIssuer;
  let env: NodeJS.ProcessEnv;
  let url: string;
  let child: ChildProcess | undefined;

  const get = async (path: string) => {
    const res = await fetch(`${url}${path}`);
    return { status: res.status, body: (await res.json()) as any };
  };
  const asAgent = async (method: string, path: string, body?: object) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(await issuer.bearer(PEOPLE.agent)), 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const start = () => (child = spawnTs(MAIN, env));

  beforeAll(async () => {
    [db, issuer] = await Promise.all([createTestDatabase(), TestIssuer.start()]);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // A long session, as before this was fixed, so the dead member holds the group for a wide window.
    env = serviceEnv(db, prefix, {
      ...issuer.env(),
      PORT: String(port),
      CONSUMER_SESSION_TIMEOUT_MS: '30000',
      CONSUMER_HEARTBEAT_MS: '3000',
    });
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await issuer?.close();
    await db?.drop();
  });

  it('answers 201 to intake before its consumer has joined, reports the consumer apart, and leaves the group on SIGTERM', async () => {
    start();
    await waitFor(async () => (await get('/health/consumers')).status === 200, { timeoutMs: 90_000, what: 'the first instance to join' });
    const producer = testKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: `${prefix}${UnitCreated.topic}`,
      acks: -1,
      messages: UNITS.map((u) => toKafkaRecord(createEvent(UnitCreated.source, { type: UnitCreated.type, subject: u.code, data: u }))),
    });
    await producer.disconnect();
    const household = {
      communityCode: 'jincheng',
      address: '无锡市梁溪区金星街道金城社区12栋3单元502室',
      residents: [{ name: '王阿姨', phones: ['13812345678'], tags: [] }],
    };
    // Refused until the directory events have given the service its org tree.
    const home = await waitFor(
      async () => {
        const res = await asAgent('POST', '/households', household);
        return res.status === 201 ? res : undefined;
      },
      { what: 'a household, once the org tree has arrived' },
    );

    child!.kill('SIGKILL');
    await exited(child!);
    expect(await groupMembers(`${prefix}request`)).toBe(1);

    start();
    await waitFor(async () => (await get('/health/consumers').catch(() => undefined))?.body.consumers[0]?.state === 'joining', {
      timeoutMs: 60_000,
      what: 'the restarted consumer to be waiting for the group',
    });
    const ready = await get('/health/ready');
    expect(ready).toMatchObject({ status: 200, body: { status: 'ok', database: true, consumers: [{ group: 'request' }] } });
    const call = await asAgent('POST', '/requests', {
      householdId: home.body.id,
      categoryCode: 'water-electric-repair',
      description: '厨房水龙头漏水',
    });
    expect(call.status).toBe(201);
    const consumers = await get('/health/consumers');
    expect(consumers).toMatchObject({ status: 503, body: { status: 'unavailable', consumers: [{ group: 'request', state: 'joining' }] } });

    await waitFor(async () => (await get('/health/consumers')).status === 200, {
      timeoutMs: 90_000,
      what: 'the consumer to join once the dead member is gone',
    });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/bangbang_consumer_up\{group="request"\} 1/);
    expect(metrics).toMatch(/bangbang_consumer_lag\{group="request",topic="bangbang\.directory"\} \d+/);
    await waitFor(
      async () =>
        (await sql(`SELECT 1 FROM outbox WHERE key = $1 AND type LIKE 'bangbang.request.created%' AND sent_at IS NOT NULL`, [call.body.id]))
          .length === 1,
      {
        what: 'the request taken during the join to be published',
      },
    );

    child!.kill('SIGTERM');
    await exited(child!);
    expect(await groupMembers(`${prefix}request`)).toBe(0);
  });

  async function sql(text: string, params: unknown[]): Promise<unknown[]> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows;
    } finally {
      await client.end();
    }
  }
});
