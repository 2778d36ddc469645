import 'reflect-metadata';
import { defineEvent } from '@bangbang/contracts';
import { EventConsumer, Messaging, MessagingConfig, MessagingTables1764000000000, writeToOutbox } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';
import { IsInt } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { benchDatabase, summarise } from './bench-kit';

/**
 * Outbox → Kafka → inbox, through the real relay and consumer: throughput of a burst, then the
 * end-to-end latency (commit of the writing transaction to commit of the handler's) at a steady rate,
 * then a backlog taken by a consumer that starts behind it (what a consumer does once it lags).
 * Each phase also prints the consumer's database transactions per event (the effects written by one
 * transaction share its xmin) and this process's CPU per event (writers, relay and consumer).
 * `CONSUMER_BATCH_SIZE=1` gives one transaction per event, as before batch consumption.
 */
class TickV1 {
  @IsInt() n: number;
}
const Tick = defineEvent({ type: 'bangbang.bench.tick.v1', topic: 'bangbang.bench', source: '/bangbang/bench', payload: TickV1 });

const BURST = Number(process.env.BENCH_BURST ?? 20_000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 10_000);

async function main(): Promise<void> {
  const [producerDb, consumerDb] = await Promise.all([benchDatabase(), benchDatabase()]);
  const env = { ...process.env, KAFKA_TOPIC_PREFIX: `bench_${randomBytes(3).toString('hex')}.`, KAFKA_LOG_LEVEL: 'error' };
  const config = loadConfig(MessagingConfig, env);
  const open = (url: string) =>
    new DataSource({ type: 'postgres', url, migrations: [MessagingTables1764000000000], extra: { max: 20 } }).initialize();
  const [pds, cds] = await Promise.all([open(producerDb.url), open(consumerDb.url)]);
  await Promise.all([pds.runMigrations(), cds.runMigrations()]);
  await cds.query('CREATE TABLE tick_effect (event_id text PRIMARY KEY, n int NOT NULL, latency_ms float8 NOT NULL)');

  const producer = new Messaging('bench', pds, { config });
  const consumerSide = new Messaging('bench-consumer', cds, { config });
  await Promise.all([producer.start([Tick.topic]), consumerSide.start()]);
  const newConsumer = () =>
    new EventConsumer(consumerSide.consumerDeps(), {
      groupId: 'bench',
      handlers: new Map([
        [
          Tick.type,
          async (event, ctx) => {
            await ctx.manager.query('INSERT INTO tick_effect (event_id, n, latency_ms) VALUES ($1, $2, $3)', [
              event.id,
              (event.data as TickV1).n,
              Date.now() - Date.parse(event.time),
            ]);
          },
        ],
      ]),
    });
  let consumer = newConsumer();
  await consumer.start();

  const costs = async (label: string, events: number, cpuFrom: NodeJS.CpuUsage) => {
    const cpu = process.cpuUsage(cpuFrom);
    const [tx] = await cds.query('SELECT count(*)::int AS rows, count(DISTINCT xmin::text)::int AS transactions FROM tick_effect');
    console.log(
      `${label}: ${(tx.transactions / tx.rows).toFixed(3)} consumer transactions per event, ${((cpu.user + cpu.system) / 1000 / events).toFixed(3)} CPU-ms per event in this process (batch size ${config.CONSUMER_BATCH_SIZE})`,
    );
  };
  const applied = async () => (await cds.query('SELECT count(*)::int AS c FROM tick_effect'))[0].c as number;
  const until = async (count: number, deadlineMs: number) => {
    const deadline = Date.now() + deadlineMs;
    while ((await applied()) < count) {
      if (Date.now() > deadline) throw new Error(`only ${await applied()} of ${count} applied in time`);
      await sleep(20);
    }
  };

  try {
    // Warm-up: group join and topic metadata are not what we measure.
    await pds.transaction((m) => writeToOutbox(m, Tick, { subject: 'warm', data: { n: -1 } }));
    await until(1, 60_000);

    // Many small writing transactions at once, as concurrent HTTP requests produce them.
    await cds.query('TRUNCATE tick_effect');
    const burstCpu = process.cpuUsage();
    const started = Date.now();
    let next = 0;
    const writer = async () => {
      while (next < BURST) {
        const from = next;
        next = Math.min(BURST, next + 10);
        await pds.transaction(async (m) => {
          for (let n = from; n < next && n < from + 10; n++) {
            await writeToOutbox(m, Tick, { subject: `agg-${n % 1_000}`, data: { n } });
          }
        });
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    const written = Date.now();
    await until(BURST, 300_000);
    const done = Date.now();
    console.log(
      `burst: ${BURST} events by ${WRITERS} concurrent writers written in ${written - started} ms (${Math.round((BURST * 1000) / (written - started))}/s into the outbox)`,
    );
    console.log(
      `burst: outbox → Kafka → inbox ${Math.round((BURST * 1000) / (done - started))} events/s end to end (${done - started} ms)`,
    );
    await costs('burst', BURST, burstCpu);

    await cds.query('TRUNCATE tick_effect');
    const steadyCpu = process.cpuUsage();
    const total = RATE * SECONDS;
    const t0 = Date.now();
    for (let n = 0; n < total; n++) {
      const due = t0 + (n * 1000) / RATE;
      if (due > Date.now()) await sleep(due - Date.now());
      await pds.transaction((m) => writeToOutbox(m, Tick, { subject: `steady-${n % 500}`, data: { n } }));
    }
    await until(total, 120_000);
    const latencies: number[] = (await cds.query('SELECT latency_ms FROM tick_effect')).map((r: { latency_ms: number }) => r.latency_ms);
    console.log(summarise(`steady ${RATE}/s for ${SECONDS} s, write → applied latency`, latencies));
    await costs('steady', total, steadyCpu);

    // The consumer away while the backlog is written and published; then it starts behind it.
    await consumer.stop();
    await cds.query('TRUNCATE tick_effect');
    for (let from = 0; from < BACKLOG; from += 100) {
      await pds.transaction(async (m) => {
        for (let n = from; n < Math.min(BACKLOG, from + 100); n++)
          await writeToOutbox(m, Tick, { subject: `backlog-${n % 1_000}`, data: { n } });
      });
    }
    while ((await pds.query('SELECT count(*)::int AS c FROM outbox WHERE sent_at IS NULL'))[0].c > 0) await sleep(100);
    consumer = newConsumer();
    await consumer.start();
    const backlogCpu = process.cpuUsage();
    const joined = Date.now();
    await until(BACKLOG, 300_000);
    console.log(
      `backlog: ${BACKLOG} events taken at ${Math.round((BACKLOG * 1000) / (Date.now() - joined))} events/s once the consumer holds its partitions`,
    );
    await costs('backlog', BACKLOG, backlogCpu);
  } finally {
    await consumer.stop();
    await Promise.all([producer.stop(), consumerSide.stop()]);
    await Promise.all([pds.destroy(), cds.destroy()]);
    await Promise.all([producerDb.drop(), consumerDb.drop()]);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
