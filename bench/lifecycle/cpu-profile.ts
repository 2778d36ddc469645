import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Summarises the `.cpuprofile` files node writes under `--cpu-prof` into where a process spent its
 * CPU: the top functions and files by self time, and the share of each package. Optional windows
 * (µs on the monotonic clock, which both `process.hrtime` and V8's profiler read) keep only the
 * samples taken inside them, so start-up and seeding do not drown the steps under load.
 *
 * Standalone: `node -r @swc-node/register bench/lifecycle/cpu-profile.ts <dir> [top]` prints every
 * profile under `<dir>` (one folder per service, as the lifecycle bench writes them with
 * BENCH_CPU_PROF), restricted to the steps when `<dir>/steps.json` is there.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Window {
  label: string;
  fromUs: number;
  toUs: number;
}

export interface ProfileSummary {
  /** Sampled CPU time inside the windows, idle excluded, in ms. */
  busyMs: number;
  functions: [string, number][];
  files: [string, number][];
  packages: [string, number][];
  /** Self time charged to the innermost project function on the stack (the caller in our code of a library's or the runtime's work). */
  projectCallers: [string, number][];
}

const ROOT = join(__dirname, '../..');
const IDLE = new Set(['(idle)']);
/** Files of ours that only hand a call on to a library: their frames count as the library's, so the caller above them shows. */
const PASS_THROUGH = new Map([
  ['dist/libs/persistence/src/service-client.js', 'pg'],
  ['dist/libs/persistence/src/begin-first.js', 'pg'],
]);

/** node_modules package, node internals, or a file of the project; the line for a function. */
function place(url: string): { pkg: string; file: string } {
  if (!url) return { pkg: '(native / V8)', file: '(native / V8)' };
  if (url.startsWith('node:')) return { pkg: 'node internals', file: url };
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return { pkg, file: `${pkg}/${rest.slice(pkg.split('/').length).join('/')}` };
  }
  const file = relative(ROOT, path);
  const [top, name] = file.split('/').slice(file.startsWith('dist/') ? 1 : 0);
  return { pkg: `${top}/${name}`, file };
}

function add(into: Map<string, number>, key: string, us: number): void {
  into.set(key, (into.get(key) ?? 0) + us);
}

export function summariseProfiles(files: string[], windows: Window[] = [], top = 12): ProfileSummary {
  const fns = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byPkg = new Map<string, number>();
  const byCaller = new Map<string, number>();
  let busy = 0;
  for (const path of files) {
    const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const parents = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
    const callers = new Map<number, string>();
    const callerOf = (id: number): string => {
      let key = callers.get(id);
      if (key !== undefined) return key;
      let library = '';
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
        const f = nodes.get(at)!;
        if (!f.url) continue;
        const { pkg: where, file } = place(f.url);
        const pkg = PASS_THROUGH.get(file) ?? where;
        if (file.startsWith('dist/') && !PASS_THROUGH.has(file)) {
          key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
          break;
        }
        if (!library || library === 'node internals') library = pkg;
      }
      key ??= library ? `(no project frame: ${library})` : '(native / V8)';
      callers.set(id, key);
      return key;
    };
    let at = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      at += profile.timeDeltas[i];
      // A sample stands for the time until the next one.
      const us = profile.timeDeltas[i + 1] ?? 0;
      if (windows.length && !windows.some((w) => at >= w.fromUs && at < w.toUs)) continue;
      const frame = nodes.get(profile.samples[i])!;
      const name = frame.functionName || '(anonymous)';
      if (IDLE.has(name)) continue;
      busy += us;
      const { pkg, file } = place(frame.url);
      add(fns, frame.url ? `${name} ${file}:${frame.lineNumber + 1}` : name, us);
      add(byFile, file, us);
      add(byPkg, frame.url ? pkg : name, us);
      add(byCaller, callerOf(profile.samples[i]), us);
    }
  }
  const ranked = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => [k, us / 1000] as [string, number]);
  return { busyMs: busy / 1000, functions: ranked(fns), files: ranked(byFile), packages: ranked(byPkg), projectCallers: ranked(byCaller) };
}

/** The profiles a process wrote into a folder. */
export function profilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Prints one service's summary; `per` divides the ms (e.g. by the lifecycles completed). */
export function printSummary(say: (line: string) => void, name: string, s: ProfileSummary, per = 1): void {
  const share = (ms: number) => `${((ms / Math.max(s.busyMs, 1e-9)) * 100).toFixed(1)}%`;
  const unit = per === 1 ? 'ms' : 'ms/lc';
  const fmt = (ms: number) => (ms / per).toFixed(per === 1 ? 0 : 2);
  say(`\n${name}: ${fmt(s.busyMs)} ${unit} sampled busy`);
  say(`  by package: ${s.packages.map(([k, ms]) => `${k} ${share(ms)}`).join(', ')}`);
  say('  top files by self time:');
  for (const [k, ms] of s.files) say(`    ${share(ms).padStart(6)}  ${fmt(ms).padStart(8)} ${unit}  ${k}`);
  say('  top functions by self time:');
  for (const [k, ms] of s.functions) say(`    ${share(ms).padStart(6)}  ${fmt(ms).padStart(8)} ${unit}  ${k}`);
  say('  top project functions (self time below them, up to the next project frame):');
  for (const [k, ms] of s.projectCallers) say(`    ${share(ms).padStart(6)}  ${fmt(ms).padStart(8)} ${unit}  ${k}`);
}

if (require.main === module) {
  const [dir, top] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: cpu-profile.ts <dir> [top]\n');
    process.exit(2);
  }
  let windows: Window[] = [];
  let lifecycles = 1;
  try {
    const steps = JSON.parse(readFileSync(join(dir, 'steps.json'), 'utf8')) as { windows: Window[]; lifecycles: number };
    ({ windows, lifecycles } = steps);
  } catch {
    // No steps recorded: the whole profile.
  }
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const folders = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const f of folders.length ? folders.map((d) => join(dir, d.name)) : [dir]) {
    const files = profilesIn(f);
    if (files.length) printSummary(say, relative(dir, f) || f, summariseProfiles(files, windows, Number(top ?? 12)), lifecycles);
  }
}
