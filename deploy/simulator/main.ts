import { parseConfig, SimulatorConfig, USAGE } from './config';
import { SimulationReport, Simulator } from './simulator';

/**
 * `npm run simulate -- --rate 30 --minutes 10`: the people around a running district. Prints a
 * line a minute while it runs and a report at the end; exits 1 if an effect was lost or doubled.
 */
async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let config: SimulatorConfig;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`simulator: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const out = (line: string) => process.stdout.write(`simulator: ${line}\n`);
  const sim = new Simulator(config);
  // Ctrl-C: no new calls, the open stories finish, then the report. SIGTERM (npm start stopping): at once.
  process.once('SIGINT', () => {
    out('stopping: no new calls; letting the open stories finish (Ctrl-C again to quit at once)');
    sim.stop();
    process.once('SIGINT', () => process.exit(130));
  });
  process.once('SIGTERM', () => process.exit(143));
  await sim.start();
  out(
    `${config.rate} request(s) a minute${config.minutes ? ` for ${config.minutes} min` : ' until stopped'}, time factor ${config.timeFactor.toFixed(4)}, seed ${config.seed}`,
  );
  const ticker = config.quiet ? undefined : setInterval(() => out(summary(sim.requests.map((r) => r.status ?? 'new'))), 60_000);
  let report: SimulationReport;
  try {
    report = await sim.run();
  } finally {
    if (ticker) clearInterval(ticker);
    await sim.close();
  }
  out(`done in ${(report.ms / 1000).toFixed(0)} s; requests by state: ${JSON.stringify(report.finalStates)}`);
  for (const [title, counts] of [
    ['did', report.did],
    ['saw', report.saw],
  ] as const) {
    for (const [what, n] of Object.entries(counts).sort()) out(`  ${title.padEnd(3)} ${String(n).padStart(6)}  ${what}`);
  }
  out(`figures equal to a recompute: ${report.figuresEqual}`);
  for (const u of report.unfinished.slice(0, 30)) out(`  unfinished: ${u}`);
  for (const p of report.problems.slice(0, 30)) out(`  problem: ${p}`);
  for (const l of report.lost) out(`  LOST: ${l}`);
  for (const d of report.duplicated) out(`  DUPLICATED: ${d}`);
  process.exit(report.lost.length + report.duplicated.length > 0 ? 1 : 0);
}

function summary(states: string[]): string {
  const counts: Record<string, number> = {};
  for (const s of states) counts[s] = (counts[s] ?? 0) + 1;
  return `${states.length} request(s) so far: ${Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`;
}

main().catch((err) => {
  process.stderr.write(`simulator failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
