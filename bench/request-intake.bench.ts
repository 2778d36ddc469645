import 'reflect-metadata';
import { createServiceApp } from '@bangbang/platform';
import { TestIssuer } from '@bangbang/testing';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { callerLookupQuery, PhoneMatch } from '../services/request/src/households/caller-lookup';
import { requestService } from '../services/request/src/request.service-definition';
import { serverUser } from '@bangbang/persistence';
import { benchDatabase, summarise } from './bench-kit';

/**
 * The front desk under load: 500k residents in 200k households over 36 communities, the caller
 * lookup's plan (EXPLAIN ANALYZE, BUFFERS) for an exact number and for last digits, then over HTTP
 * on loopback against the request service in this process: caller lookups, intakes, and the two
 * together as an agent does them on a call, each a fixed count at a fixed concurrency.
 */
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 500_000);
const HOUSEHOLDS = Math.ceil(RESIDENTS / 2.5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const STREETS = 6;
const COMMUNITIES_PER_STREET = 6;

/** A deterministic v4-shaped UUID from a label, so seeded rows can point at each other. */
const uuidOf = (label: string) => `overlay(overlay(md5(${label}) placing '4' from 13) placing '8' from 17)::uuid`;

async function seed(ds: DataSource): Promise<void> {
  await ds.query(
    `INSERT INTO org_unit (code, level, path, name_zh, status) VALUES ('nanchang', 'district', '/nanchang/', '南长区', 'active')`,
  );
  await ds.query(
    `INSERT INTO org_unit (code, level, path, name_zh, status)
     SELECT 'street' || s, 'street', '/nanchang/street' || s || '/', '街道' || s, 'active' FROM generate_series(1, $1) s`,
    [STREETS],
  );
  await ds.query(
    `INSERT INTO org_unit (code, level, path, name_zh, status)
     SELECT 'c' || s || '-' || c, 'community', '/nanchang/street' || s || '/c' || s || '-' || c || '/', '社区' || s || '-' || c, 'active'
       FROM generate_series(1, $1) s, generate_series(1, $2) c`,
    [STREETS, COMMUNITIES_PER_STREET],
  );
  // Household g lives in community (g mod 36); ids are derived from g so residents can point at them.
  await ds.query(
    `WITH c AS (SELECT code, path, row_number() OVER (ORDER BY code) - 1 AS i FROM org_unit WHERE level = 'community')
     INSERT INTO household (id, community_code, org_path, address, lat, lng)
     SELECT ${uuidOf("'h' || g")}, c.code, c.path, c.code || '社区' || (g % 40 + 1) || '栋' || (g % 6 + 1) || '单元' || (g % 30 + 101) || '室',
            31.5 + (g % 1000) / 10000.0, 120.3 + (g % 997) / 10000.0
       FROM generate_series(0, $1 - 1) g JOIN c ON c.i = g % $2`,
    [HOUSEHOLDS, STREETS * COMMUNITIES_PER_STREET],
  );
  await ds.query(
    `INSERT INTO resident (id, household_id, name, tags, preferred_contact)
     SELECT ${uuidOf("'r' || g")}, ${uuidOf("'h' || (g % $2)")}, '居民' || g,
            CASE WHEN g % 7 = 0 THEN ARRAY['elderly_living_alone'] ELSE '{}'::text[] END, 'sms'
       FROM generate_series(0, $1 - 1) g`,
    [RESIDENTS, HOUSEHOLDS],
  );
  // Every resident a mobile (a multiplicative hash spreads them over the number space); one in five a landline too.
  await ds.query(
    `INSERT INTO resident_phone (resident_id, phone)
     SELECT ${uuidOf("'r' || g")}, '86' || (13 + g % 7) || lpad(((g::bigint * 2654435761) % 1000000000)::text, 9, '0')
       FROM generate_series(0, $1 - 1) g
     UNION ALL
     SELECT ${uuidOf("'r' || g")}, '86510' || lpad(((g::bigint * 40503) % 100000000)::text, 8, '0')
       FROM generate_series(0, $1 - 1, 5) g
     ON CONFLICT DO NOTHING`,
    [RESIDENTS],
  );
  await ds.query('ANALYZE');
}

async function explain(ds: DataSource, label: string, match: PhoneMatch, scope: string): Promise<void> {
  const { sql, params } = callerLookupQuery(match, scope);
  const plan: Array<{ 'QUERY PLAN': string }> = await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  console.log(`\n-- plan: ${label}`);
  for (const row of plan) console.log(row['QUERY PLAN']);
}

async function timed(count: number, concurrency: number, call: (i: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      await call(i);
      samples.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return samples;
}

async function main(): Promise<void> {
  const db = await benchDatabase();
  const issuer = await TestIssuer.start();
  const env = {
    ...process.env,
    DATABASE_NAME: db.name,
    DATABASE_USER: serverUser(),
    KAFKA_TOPIC_PREFIX: `bench_${randomBytes(3).toString('hex')}.`,
    KAFKA_LOG_LEVEL: 'error',
    LOG_LEVEL: 'warn',
    ...issuer.env(),
  };
  const app = await createServiceApp(requestService, { env });
  try {
    await app.startAllMicroservices();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = await app.getUrl();
    const ds = app.get(DataSource);

    let t = Date.now();
    await seed(ds);
    const [{ residents, phones, households }] = await ds.query(
      `SELECT (SELECT count(*) FROM resident)::int AS residents, (SELECT count(*) FROM resident_phone)::int AS phones, (SELECT count(*) FROM household)::int AS households`,
    );
    console.log(`seeded ${residents} residents, ${phones} phones, ${households} households in ${Date.now() - t} ms`);

    const sample: Array<{ phone: string; household_id: string }> = await ds.query(
      `SELECT p.phone, r.household_id FROM resident_phone p JOIN resident r ON r.id = p.resident_id WHERE p.phone LIKE '861%' ORDER BY md5(p.phone) LIMIT $1`,
      [REQUESTS],
    );
    await explain(ds, 'exact number, district-wide agent', { exact: sample[0].phone }, '/nanchang/');
    await explain(ds, 'exact number, one community admin', { exact: sample[1].phone }, '/nanchang/street1/c1-1/');
    await explain(ds, 'last 6 digits, district-wide agent', { suffix: sample[2].phone.slice(-6) }, '/nanchang/');
    await explain(ds, 'last 4 digits, district-wide agent', { suffix: sample[3].phone.slice(-4) }, '/nanchang/');

    const headers = {
      ...(await issuer.bearer({ id: 'bench-agent', kind: 'staff', role: 'agent', org: 'nanchang', orgPath: '/nanchang/' })),
      'content-type': 'application/json',
    };
    const lookup = async (phone: string) => {
      const res = await fetch(`${base}/callers?phone=${phone.slice(2)}`, { headers });
      if (res.status !== 200) throw new Error(`lookup ${res.status}: ${await res.text()}`);
      const found = (await res.json()) as Array<{ id: string }>;
      if (!found.length) throw new Error(`caller ${phone} not found`);
      return found[0].id;
    };
    const intake = async (householdId: string, i: number) => {
      const res = await fetch(`${base}/requests`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': `bench-${i}-${householdId}` },
        body: JSON.stringify({
          householdId,
          categoryCode: i % 3 ? 'water-electric-repair' : 'appliance-repair',
          description: `bench request ${i}`,
        }),
      });
      if (res.status !== 201) throw new Error(`intake ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    };

    await timed(100, CONCURRENCY, async (i) => void (await intake(sample[i].household_id, -i - 1)));
    // Client, service, PostgreSQL and Kafka share this machine: its load says how far to trust the figures.
    const load = () =>
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`;
    console.log(`\nHTTP on ${base}, ${REQUESTS} calls each at concurrency ${CONCURRENCY}; ${load()}`);
    t = Date.now();
    const lookups = await timed(REQUESTS, CONCURRENCY, async (i) => void (await lookup(sample[i].phone)));
    console.log(`${summarise('caller lookup GET /callers', lookups)} (${Math.round((REQUESTS * 1000) / (Date.now() - t))}/s)`);
    t = Date.now();
    const intakes = await timed(REQUESTS, CONCURRENCY, (i) => intake(sample[i].household_id, i));
    console.log(`${summarise('intake POST /requests', intakes)} (${Math.round((REQUESTS * 1000) / (Date.now() - t))}/s)`);
    const alone = await timed(200, 1, (i) => intake(sample[(i + 3) % sample.length].household_id, 2 * REQUESTS + i));
    console.log(`${summarise('intake one at a time (no queueing)', alone)}`);
    t = Date.now();
    const calls = await timed(REQUESTS, CONCURRENCY, async (i) =>
      intake(await lookup(sample[(i + 7) % sample.length].phone), 3 * REQUESTS + i),
    );
    console.log(`${summarise('a call: lookup then intake', calls)} (${Math.round((REQUESTS * 1000) / (Date.now() - t))}/s)`);
    console.log(`after: ${load()}`);
  } finally {
    await app.close();
    await issuer.close();
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
