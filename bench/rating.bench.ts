import 'reflect-metadata';
import { MessagingTables1764000000000 } from '@bangbang/messaging';
import { OrgUnitCopy1764000000010 } from '@bangbang/platform';
import { DataSource } from 'typeorm';
import { FactProjector } from '../services/rating/src/figures/fact-projector';
import { PendingFigures } from '../services/rating/src/figures/pending-figures';
import { providerFigures } from '../services/rating/src/figures/provider-figures';
import { publishDueQuality } from '../services/rating/src/figures/provider-quality';
import { DEFAULT_WEIGHTS } from '../services/rating/src/figures/rates';
import { recomputeFigures } from '../services/rating/src/figures/recompute';
import { monthFigures } from '../services/rating/src/figures/unit-figures';
import { RATING_MIGRATIONS } from '../services/rating/src/migrations';
import { seedHistory } from '../services/rating/test/history';
import { benchDatabase, summarise } from './bench-kit';

/**
 * The rating service's figures: facts folded per second through the incremental path (one
 * transaction per fact, as the consumer does, then batched), the full recompute over the same
 * history, and the reads behind a scorecard and a month's street figures.
 */
const JOBS = Number(process.env.BENCH_JOBS ?? 5_000);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 2_000);
const READS = Number(process.env.BENCH_READS ?? 200);

async function main(): Promise<void> {
  const db = await benchDatabase();
  const ds = await new DataSource({
    type: 'postgres',
    url: db.url,
    migrations: [MessagingTables1764000000000, OrgUnitCopy1764000000010, ...RATING_MIGRATIONS],
    extra: { max: 10 },
  }).initialize();
  try {
    await ds.runMigrations();
    const history = seedHistory(JOBS);
    const projector = new FactProjector(0);
    const single = history.facts.slice(0, SINGLE);
    let t = performance.now();
    const chunk = (facts: typeof single) =>
      ds.transaction(async (m) => {
        const pending = new PendingFigures();
        for (const { requestId, fact } of facts) await projector.apply(m, requestId, fact, pending);
        await projector.writePending(m, pending);
      });
    for (const f of single) await chunk([f]);
    const singleMs = performance.now() - t;
    out(
      `one transaction per fact (consumer path, provider quality marked due): ${single.length} facts in ${(singleMs / 1000).toFixed(1)} s = ${Math.round(single.length / (singleMs / 1000))} facts/s`,
    );

    const rest = history.facts.slice(SINGLE);
    t = performance.now();
    for (let i = 0; i < rest.length; i += 500) {
      await chunk(rest.slice(i, i + 500));
    }
    const batchMs = performance.now() - t;
    out(
      `batches of 500 facts (counters written at commit, provider quality marked due): ${rest.length} facts in ${(batchMs / 1000).toFixed(1)} s = ${Math.round(rest.length / (batchMs / 1000))} facts/s`,
    );

    t = performance.now();
    let providers = 0;
    for (;;) {
      const taken = await ds.transaction((m) => publishDueQuality(m, DEFAULT_WEIGHTS, 200, new Date(Date.now() + 60_000)));
      if (!taken) break;
      providers += taken;
    }
    out(`publishing the due quality of ${providers} providers: ${((performance.now() - t) / 1000).toFixed(2)} s`);

    t = performance.now();
    const check = await recomputeFigures(ds);
    out(
      `recompute of ${check.jobs} jobs into ${check.rows} daily rows: ${((performance.now() - t) / 1000).toFixed(2)} s, equal=${check.equal}`,
    );

    const scorecard: number[] = [];
    const streets: number[] = [];
    for (let i = 0; i < READS; i++) {
      t = performance.now();
      await providerFigures(ds.manager, `p-${i % 30}`, DEFAULT_WEIGHTS, new Date('2026-12-20T00:00:00Z'));
      scorecard.push(performance.now() - t);
      t = performance.now();
      await monthFigures(ds.manager, 'street', '2026-11', DEFAULT_WEIGHTS, '/nanchang/');
      streets.push(performance.now() - t);
    }
    out(summarise('provider figures (scorecard read)', scorecard));
    out(summarise("a month's street figures", streets));
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

void main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
