import { serverUrl, serverUser } from '@bangbang/persistence';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { benchDatabase } from '../bench-kit';

/** Single-row insert commits per second that this PostgreSQL server takes from 8 clients (pgbench, 5 s). */
export async function pgbenchCommitsPerSecond(): Promise<number> {
  const db = await benchDatabase();
  try {
    const url = new URL(serverUrl());
    const args = ['-h', url.hostname, '-p', url.port || '5432', '-U', serverUser()];
    const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
    execFileSync('psql', [...args, '-q', '-d', db.name, '-c', 'CREATE TABLE bench_row (id bigserial PRIMARY KEY, body text NOT NULL)'], {
      env,
    });
    const script = join(mkdtempSync(join(tmpdir(), 'pgbench-')), 'insert.sql');
    writeFileSync(script, "INSERT INTO bench_row (body) VALUES ('a row the size of an outbox entry, more or less');\n");
    const out = execFileSync('pgbench', [...args, '-n', '-c', '8', '-j', '2', '-T', '5', '-f', script, db.name], { env, encoding: 'utf8' });
    const m = /tps = ([\d.]+)/.exec(out);
    if (!m) throw new Error(`pgbench printed no tps: ${out}`);
    return Number(m[1]);
  } finally {
    await db.drop();
  }
}

/** Records per second one producer writes to a 6-partition topic, acknowledged by the broker, in batches of 100 (1 KB each). */
export async function producerRecordsPerSecond(brokers: string, topic: string, count = 20_000): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  try {
    const value = 'x'.repeat(1024);
    const started = performance.now();
    for (let sent = 0; sent < count; sent += 100) {
      await producer.send({ topic, acks: -1, messages: Array.from({ length: 100 }, (_, i) => ({ key: String(sent + i), value })) });
    }
    return count / ((performance.now() - started) / 1000);
  } finally {
    await producer.disconnect();
  }
}

/**
 * The server settings that change what a run measures: without autovacuum no table is vacuumed or
 * analyzed during a run, so dead rows pile up in the queue tables and prepared statements keep the
 * plans made while the tables were empty (a CI server may turn it off; a production one has it on).
 */
export async function serverSettings(): Promise<Record<string, string>> {
  const c = new Client({ connectionString: serverUrl() });
  await c.connect();
  try {
    const { rows } = await c.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name = ANY($1) ORDER BY name`,
      [['autovacuum', 'fsync', 'synchronous_commit', 'shared_buffers']],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await c.end();
  }
}
