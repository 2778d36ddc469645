import 'reflect-metadata';
import { createKafka, ensureTopics, MessagingConfig } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * How long a consumer group's partitions stay unserved when a member dies without leaving (kill -9),
 * for a few session/heartbeat settings: (a) the only member is killed and restarted at once, as a
 * supervisor does; (b) one of two members is killed and the other takes over; (c) as (b), but the
 * member is stopped with SIGTERM and leaves the group. Loopback brokers only; each wait is bounded.
 */
/** session/heartbeat/fetch wait, ms: kafkajs's defaults first, then shorter ones. */
const SETTINGS = (process.env.HANDOVER_SETTINGS ?? '30000/3000/5000,10000/1000/5000,10000/1000/1000,6000/500/500')
  .split(',')
  .map((s) => s.split('/').map(Number) as [number, number, number]);
const REBALANCE_MS = Number(process.env.HANDOVER_REBALANCE_MS ?? 30_000);
const PARTITIONS = 3;

interface Member {
  child: ChildProcess;
  /** Resolves at the member's next assignment that covers at least `partitions` partitions. */
  joined(partitions: number, timeoutMs: number): Promise<number>;
}

function member(env: NodeJS.ProcessEnv): Member {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'handover-member.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const waiters: Array<{ partitions: number; resolve: (at: number) => void }> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const at = Date.now();
    const { joined } = JSON.parse(line) as { joined: number };
    for (const w of waiters.splice(0)) {
      if (joined >= w.partitions) w.resolve(at);
      else waiters.push(w);
    }
  });
  return {
    child,
    joined: (partitions, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no assignment of ${partitions} partitions in ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ partitions, resolve: (at) => (clearTimeout(timer), resolve(at)) });
      }),
  };
}

function gone(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

async function measure(
  topic: string,
  [session, heartbeat, maxWait]: [number, number, number],
  how: 'restart' | 'survivor',
  signal: 'SIGKILL' | 'SIGTERM',
): Promise<number> {
  const group = `handover-${randomBytes(4).toString('hex')}`;
  const env = {
    ...process.env,
    HANDOVER_GROUP: group,
    HANDOVER_TOPIC: topic,
    CONSUMER_SESSION_TIMEOUT_MS: String(session),
    CONSUMER_HEARTBEAT_MS: String(heartbeat),
    CONSUMER_MAX_WAIT_MS: String(maxWait),
    CONSUMER_REBALANCE_TIMEOUT_MS: String(REBALANCE_MS),
    KAFKA_LOG_LEVEL: 'error',
  };
  const bound = session + REBALANCE_MS + 20_000;
  const victim = member(env);
  const others: Member[] = [];
  try {
    await victim.joined(PARTITIONS, 60_000);
    let survivor: Member | undefined;
    if (how === 'survivor') {
      survivor = member(env);
      others.push(survivor);
      await survivor.joined(1, 60_000);
    }
    const killedAt = Date.now();
    victim.child.kill(signal);
    await gone(victim.child);
    if (!survivor) {
      survivor = member(env);
      others.push(survivor);
    }
    return (await survivor.joined(PARTITIONS, bound)) - killedAt;
  } finally {
    for (const m of [victim, ...others]) {
      m.child.kill('SIGKILL');
      await gone(m.child);
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig(MessagingConfig);
  const hosts = config.KAFKA_BROKERS.split(',').map((b) => b.slice(0, b.lastIndexOf(':')));
  if (!hosts.every((h) => h === '127.0.0.1' || h === 'localhost'))
    throw new Error('this benchmark kills group members: loopback brokers only');
  const topic = `bench_handover_${randomBytes(3).toString('hex')}`;
  const admin = createKafka(config, 'handover-bench').admin();
  await admin.connect();
  await ensureTopics(admin, [topic], { ...config, KAFKA_PARTITIONS: PARTITIONS });
  try {
    console.log(`partitions unserved after a member dies (${PARTITIONS} partitions, rebalance timeout ${REBALANCE_MS} ms)`);
    console.log(
      'session/heartbeat/fetch wait ms | kill -9, restarted at once | kill -9, other member takes over | SIGTERM, other member takes over',
    );
    for (const setting of SETTINGS) {
      const restart = await measure(topic, setting, 'restart', 'SIGKILL');
      const survivor = await measure(topic, setting, 'survivor', 'SIGKILL');
      const term = await measure(topic, setting, 'survivor', 'SIGTERM');
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      console.log(`${setting.join('/')} | ${s(restart)} | ${s(survivor)} | ${s(term)}`);
    }
  } finally {
    await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
    await admin.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
