import 'reflect-metadata';
import {
  createEvent,
  JobOffered,
  MerchantProviderProfile,
  ProviderProfileV1,
  RequestCreated,
  RequestCreatedV1,
  toKafkaRecord,
  TOPICS,
} from '@bangbang/contracts';
import { createKafka, ensureTopics, MessagingConfig } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';
import { createServiceApp } from '@bangbang/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { dispatchService } from '../services/dispatch/src/dispatch.service-definition';
import { gini } from '../services/dispatch/src/figures/gini';
import { serverUser } from '@bangbang/persistence';
import { benchDatabase, summarise } from './bench-kit';

/**
 * Time to first offer: request.created.v1 events produced at a steady rate into one dispatch
 * instance whose provider view holds PROVIDERS partner units, measured from the event's time to
 * the offer row's commit time and to the offered.v1 event's arrival on Kafka.
 */
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PROVIDERS = Number(process.env.BENCH_PROVIDERS ?? 60);
const COMMUNITIES = ['jincheng', 'huaigu', 'jinle', 'jinnan', 'jinhai', 'yuemin'];
const CATEGORIES = ['plumbing', 'electrics', 'appliances', 'haircut'];

function provider(n: number): ProviderProfileV1 {
  return {
    providerId: `bench-unit-${n}`,
    providerKind: 'merchant',
    displayName: `Bench unit ${n}`,
    active: true,
    categories: [CATEGORIES[n % CATEGORIES.length], CATEGORIES[(n + 1) % CATEGORIES.length]],
    coverage: n % 10 === 0 ? ['/nanchang/jinxing/'] : [`/nanchang/jinxing/${COMMUNITIES[n % COMMUNITIES.length]}/`],
    availability: { always: true, windows: [] },
    pausedUntil: null,
    maxConcurrentJobs: 1_000,
    takesFreeJobs: n % 3 !== 0,
    location: { lat: 31.56 + (n % 7) * 0.002, lng: 120.29 + (n % 5) * 0.002 },
    version: 1,
  };
}

function request(n: number, at: Date): RequestCreatedV1 {
  const community = COMMUNITIES[n % COMMUNITIES.length];
  return {
    requestId: randomUUID(),
    number: `B${String(n).padStart(8, '0')}`,
    communityId: community,
    orgPath: `/nanchang/jinxing/${community}/`,
    categoryCode: CATEGORIES[n % CATEGORIES.length],
    kind: 'home_service',
    urgency: n % 10 === 0 ? 'emergency' : 'general',
    feePolicy: n % 4 === 0 ? 'free' : 'low_cost',
    responseDueAt: new Date(at.getTime() + 24 * 3_600_000).toISOString(),
    resolutionDueAt: new Date(at.getTime() + 7 * 24 * 3_600_000).toISOString(),
    location: { lat: 31.565, lng: 120.295 },
    receivedAt: at.toISOString(),
  };
}

async function main(): Promise<void> {
  const db = await benchDatabase();
  const prefix = `bench_${randomBytes(3).toString('hex')}.`;
  const env = {
    ...process.env,
    DATABASE_NAME: db.name,
    DATABASE_USER: serverUser(),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_LOG_LEVEL: 'error',
    LOG_LEVEL: 'warn',
  };
  const config = loadConfig(MessagingConfig, env);
  const kafka = createKafka(config, 'bench-dispatch');
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(
    admin,
    Object.values(TOPICS).map((t) => prefix + t),
    config,
  );
  await admin.disconnect();

  const app = await createServiceApp(dispatchService, { env });
  await app.startAllMicroservices();
  await app.init();
  const ds = app.get(DataSource);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const arrivals = new Map<string, number>();
  const probe = kafka.consumer({ groupId: `${prefix}probe` });
  await probe.connect();
  await probe.subscribe({ topic: prefix + TOPICS.dispatch, fromBeginning: true });
  await probe.run({
    eachMessage: async ({ message }) => {
      if (message.headers?.ce_type?.toString() !== JobOffered.type) return;
      const key = message.key!.toString();
      if (!arrivals.has(key)) arrivals.set(key, Date.now());
    },
  });

  const send = (topic: string, items: Array<{ subject: string; type: string; source: string; data: object; time?: Date; id?: string }>) =>
    producer.send({
      topic: prefix + topic,
      acks: -1,
      messages: items.map((i) =>
        toKafkaRecord(createEvent(i.source, { id: i.id, type: i.type, subject: i.subject, data: i.data, time: i.time })),
      ),
    });
  const count = async (sql: string) => Number((await ds.query(sql))[0].n);
  const until = async (what: string, done: () => Promise<boolean>, ms: number) => {
    const deadline = Date.now() + ms;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  };

  try {
    const profiles = Array.from({ length: PROVIDERS }, (_, n) => provider(n));
    await send(
      TOPICS.merchant,
      profiles.map((p) => ({ subject: p.providerId, type: MerchantProviderProfile.type, source: MerchantProviderProfile.source, data: p })),
    );
    await until('the provider view', async () => (await count('SELECT count(*) AS n FROM dispatch_provider')) === PROVIDERS, 60_000);

    const warm = request(1, new Date());
    await send(TOPICS.request, [{ subject: warm.requestId, type: RequestCreated.type, source: RequestCreated.source, data: warm }]);
    await until('the warm-up offer', async () => arrivals.has(warm.requestId), 60_000);

    const total = RATE * SECONDS;
    const sent = new Map<string, number>();
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    for (let n = 0; n < total; n++) {
      const due = t0 + (n * 1000) / RATE;
      if (due > Date.now()) await sleep(due - Date.now());
      const at = new Date();
      const r = request(n, at);
      sent.set(r.requestId, at.getTime());
      // The event id is the request id, so the bench can join the inbox to the offers.
      await send(TOPICS.request, [
        { id: r.requestId, subject: r.requestId, type: RequestCreated.type, source: RequestCreated.source, data: r, time: at },
      ]);
    }
    const produced = Date.now() - t0;
    await until('every first offer on Kafka', async () => [...sent.keys()].every((id) => arrivals.has(id)), 120_000);
    const drained = Date.now() - t0;
    const cpu = process.cpuUsage(cpu0);

    const rows: Array<{ ms: number }> = await ds.query(
      `SELECT (extract(epoch FROM min(o.offered_at) - j.received_at) * 1000)::float8 AS ms
       FROM dispatch_offer o JOIN dispatch_job j USING (request_id) WHERE j.request_id = ANY($1) GROUP BY j.request_id, j.received_at`,
      [[...sent.keys()]],
    );
    console.log(
      `${total} request.created.v1 at ${RATE}/s for ${SECONDS} s (produced in ${produced} ms), ${PROVIDERS} providers in the view`,
    );
    console.log(
      `all first offers on Kafka after ${drained} ms; this process used ${((cpu.user + cpu.system) / 1e3 / drained).toFixed(2)} CPU cores meanwhile`,
    );
    // Shared machines skew these figures: the load says how much CPU others were taking.
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      summarise(
        'time to first offer, event → offer row committed',
        rows.map((r) => r.ms),
      ),
    );
    console.log(
      summarise(
        'time to first offer, event → offered.v1 on Kafka',
        [...sent].map(([id, at]) => arrivals.get(id)! - at),
      ),
    );
    // The inbox row is stamped when the consuming transaction starts: the rest of the time was queueing.
    const service: Array<{ ms: number }> = await ds.query(
      `SELECT (extract(epoch FROM min(o.offered_at) - min(i.processed_at)) * 1000)::float8 AS ms
       FROM inbox i JOIN dispatch_offer o ON o.request_id::text = i.event_id
       GROUP BY o.request_id`,
    );
    console.log(
      summarise(
        'of which in the consuming transaction, start → offer row',
        service.map((r) => r.ms),
      ),
    );
    // How the work spread: offers per provider among those serving the requests' categories.
    const spread: Array<{ n: number }> = await ds.query(
      `SELECT count(o.offer_id)::int AS n FROM dispatch_provider p LEFT JOIN dispatch_offer o ON o.provider_id = p.provider_id GROUP BY p.provider_id`,
    );
    const offers = spread.map((r) => r.n);
    console.log(
      `offers per provider: min ${Math.min(...offers)}, max ${Math.max(...offers)}, Gini ${gini(offers).toFixed(3)} over ${offers.length} providers`,
    );
  } finally {
    await probe.disconnect();
    await producer.disconnect();
    await app.close();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
