import { getLogger } from '@bangbang/observability';
import { waitFor } from '@bangbang/testing';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { mergedDocument, operations, Route, signInEveryRole } from './api-callers';
import { District, Headers } from './district';
import { mutation, Schema, Schemas, short, valid, weird } from './fuzz/schema-arbitrary';

/**
 * Issue 11: every route of the merged OpenAPI document, called by every role with bodies, query
 * strings and path ids generated from the document and then broken (wrong types, nulls, missing and
 * extra fields, mass-assignment fields, control characters, huge values). No answer may be a 5xx,
 * and a batch of calls that were all refused must leave every service's tables as they were.
 * FUZZ_RUNS sets the cases per route (default 16, about three thousand calls in all).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 16);
interface Case {
  role: string;
  path: string;
  query: string;
  body: unknown;
  kind: string;
}

type Snapshot = Record<string, string>;

/**
 * The gateway audits every staff write it proxies, refused or not, and every failed or throttled
 * sign-in: a refusal may add that record of itself, nothing else.
 */
const ALLOWED_ON_REFUSAL: Record<string, string> = {
  'gateway.audit_record': `WHERE (x.status IS NULL OR x.status < 400) AND x.action NOT IN ('auth.login-failed', 'auth.login-throttled')`,
  // The limiter's buckets and the sign-in throttle count refused calls too: counting them is their job.
  'gateway.rate_bucket': 'WHERE false',
  'gateway.login_failure': 'WHERE false',
};
const SETTLED_POLLS = 4;

/** Row count and a checksum of every row's text, per table, per service database. */
async function snapshot(dbs: Record<string, DataSource>): Promise<Snapshot> {
  const out: Snapshot = {};
  await Promise.all(
    Object.entries(dbs).map(async ([service, ds]) => {
      const tables: { name: string }[] = await ds.query(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      );
      const sql = tables
        .map(
          ({ name }) =>
            `SELECT '${name}' AS t, count(*)::text AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x ${ALLOWED_ON_REFUSAL[`${service}.${name}`] ?? ''}`,
        )
        .join(' UNION ALL ');
      for (const row of (await ds.query(sql)) as { t: string; n: string; h: string }[]) out[`${service}.${row.t}`] = `${row.n}:${row.h}`;
    }),
  );
  return out;
}

/** A lone surrogate cannot be percent-encoded as UTF-8; send the bytes it would have been, which are not UTF-8 either. */
const encode = (v: string): string =>
  Array.from(v, (ch) => (ch.length === 1 && ch >= '\ud800' && ch <= '\udfff' ? '%ED%A0%80' : encodeURIComponent(ch))).join('');

async function pendingEvents(dbs: Record<string, DataSource>): Promise<boolean> {
  const counts = await Promise.all(
    Object.values(dbs).map(async (ds) => Number((await ds.query('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL'))[0].n)),
  );
  return counts.some((n) => n > 0);
}

const changed = (a: Snapshot, b: Snapshot) => Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);

describe('fuzzing the whole API through the gateway, driven by its OpenAPI document', () => {
  let d: District;
  let doc: any;
  let roles: Record<string, Headers>;
  const failures: string[] = [];
  let calls = 0;
  let refusedBatches = 0;

  beforeAll(async () => {
    d = await District.start();
    doc = await mergedDocument(d);
    roles = { anonymous: {}, ...(await signInEveryRole(d)).roles };
  });

  afterAll(() => d?.stop());

  const send = async (method: string, c: Case) => {
    const res = await fetch(`${d.gatewayUrl}${c.path}${c.query}`, {
      method: method.toUpperCase(),
      headers: { ...roles[c.role], ...(c.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
    });
    calls++;
    return { status: res.status, text: await res.text() };
  };

  const caseFor = ({ method, path, op }: Route): fc.Arbitrary<Case> => {
    const schemas: Schemas = doc.components.schemas;
    const params: any[] = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const pathValue = fc.oneof(
      { weight: 4, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.constantFrom('jincheng', 'water-electric-repair', '0', '-1', '..', '%00', 'x'.repeat(300), 'null') },
    );
    const filled = fc
      .tuple(...pathParams.map(() => pathValue))
      .map((values) => pathParams.reduce((p: string, param, i) => p.replace(`{${param.name}}`, encode(values[i])), path));
    const query = fc
      .tuple(
        ...queryParams.map((p) =>
          fc.option(fc.oneof({ weight: 3, arbitrary: valid(p.schema, schemas) }, { weight: 1, arbitrary: weird }), { freq: 3 }),
        ),
      )
      .map((values) =>
        values.reduce(
          (q: string, v, i) =>
            v === null || v === undefined
              ? q
              : `${q}${q ? '&' : '?'}${encode(queryParams[i].name)}=${encode(typeof v === 'string' ? v : JSON.stringify(v))}`,
          '',
        ),
      );
    const schema: Schema | undefined = op.requestBody?.content?.['application/json']?.schema;
    const writes = ['post', 'put', 'patch'].includes(method);
    const resolved = schema?.$ref ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
    const body = writes
      ? fc
          .tuple(valid(schema ?? { type: 'object', properties: {} }, schemas), mutation(Object.keys(resolved?.properties ?? {})))
          .map(([v, m]) => ({ body: m.apply(v), kind: m.kind }))
      : fc.constant({ body: undefined, kind: 'no body' });
    return fc
      .record({ role: fc.constantFrom(...Object.keys(roles)), path: filled, query, b: body })
      .map(({ b, ...rest }) => ({ ...rest, body: b.body, kind: b.kind }));
  };

  it(
    'answers every generated and broken call without a 5xx, and a refused call changes no row',
    async () => {
      // Logging out would end the sessions the fuzzer signs in with; the live stream answers an
      // accepted call by staying open until the token expires (its own test covers it).
      const routes = operations(doc).filter(({ path }) => path !== '/auth/logout' && path !== '/live/events');
      expect(routes.length).toBeGreaterThan(100);
      const dbs = d.databases();
      let settled = false;
      for (const route of routes) {
        const label = `${route.method.toUpperCase()} ${route.path}`;
        // Accepted calls publish events that other services consume a moment later: before the next
        // batch, every outbox is drained and nothing has changed for a few polls.
        let previous: Snapshot | undefined;
        let stable = 0;
        const before = settled
          ? await snapshot(dbs)
          : await waitFor(
              async () => {
                const now = await snapshot(dbs);
                stable = previous && changed(previous, now).length === 0 && !(await pendingEvents(dbs)) ? stable + 1 : 0;
                previous = now;
                return stable >= SETTLED_POLLS && now;
              },
              { timeoutMs: 60_000, intervalMs: 100, what: `the databases to settle before ${label}` },
            );
        let accepted = 0;
        const result = await fc.check(
          fc.asyncProperty(caseFor(route), async (c) => {
            const answer = await send(route.method, c);
            if (answer.status < 400) accepted++;
            if (answer.status >= 500) {
              throw new Error(
                `${label} as ${c.role} (${c.kind}): ${answer.status} ${answer.text.slice(0, 300)}\n  url ${c.path}${c.query.slice(0, 200)}\n  body ${short(c.body)}`,
              );
            }
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
        if (result.failed)
          failures.push(result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance));
        settled = accepted === 0;
        if (accepted === 0) {
          refusedBatches++;
          const diff = changed(before, await snapshot(dbs));
          if (diff.length) failures.push(`${label}: every call was refused, yet rows changed in ${diff.join(', ')}`);
        }
      }
      getLogger('api-fuzz').info(
        { routes: routes.length, calls, refusedBatches },
        'api fuzz done: all-refused batches checked against the databases',
      );
      expect(failures).toEqual([]);
    },
    120_000 + RUNS * 20_000,
  );
});
