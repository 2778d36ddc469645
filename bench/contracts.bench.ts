import 'reflect-metadata';
import { allContracts, CloudEvent, validateEvent } from '@bangbang/contracts';
import { getMetadataStorage } from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What checking a consumed event against its contract costs: every example event validated over and
 * over, with the request DTOs of every service loaded too, as decorated classes a service holds
 * beside the contracts (class-validator's lookups grow with them).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

function dtoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dtoFiles(path);
    return entry.name.endsWith('.dto.ts') ? [path] : [];
  });
}

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const files = dtoFiles(join(root, 'services'));
  for (const file of files) await import(file);
  const classes = (getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas.size;
  const examples = allContracts().map((contract) => ({
    contract,
    event: JSON.parse(readFileSync(join(root, 'libs/contracts/examples', `${contract.type}.json`), 'utf8')) as CloudEvent,
  }));
  for (const { event, contract } of examples) validateEvent(event, contract);
  const started = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < ROUNDS; i++) for (const { event, contract } of examples) validateEvent(event, contract);
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(started);
  const n = ROUNDS * examples.length;
  console.log(`decorated classes loaded: ${classes} (${files.length} DTO files and ${examples.length} contracts)`);
  console.log(
    `validateEvent: ${n} events in ${ms.toFixed(0)} ms = ${((ms * 1000) / n).toFixed(1)} µs an event, ${((cpu.user + cpu.system) / n) | 0} µs of CPU`,
  );
}

void main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
