import 'reflect-metadata';
import { MessagingTables1764000000000 } from '@bangbang/messaging';
import { databaseUrlFor, dataSourceOptions, runMigrationsLocked } from '@bangbang/persistence';
import { DataSource } from 'typeorm';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../../services/gateway/src/gateway.service-definition';
import { DEMO_LOGINS, seedDemo } from './demo';

/**
 * `npm start` runs this after the services are up: seeds the demo district into the gateway's
 * database, then signs in as each demo user through the gateway and prints what each one sees.
 */
async function main(): Promise<void> {
  const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
  const ds = await new DataSource(
    dataSourceOptions({
      url: databaseUrlFor('gateway'),
      entities: GATEWAY_ENTITIES,
      migrations: [MessagingTables1764000000000, ...GATEWAY_MIGRATIONS],
      poolSize: 2,
    }),
  ).initialize();
  try {
    await runMigrationsLocked(ds);
    const { unitsCreated, usersCreated } = await seedDemo(ds);
    const rows: string[][] = [];
    for (const login of DEMO_LOGINS) {
      const signIn = await fetch(`${gateway}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: login.username, password: login.password }),
      });
      if (!signIn.ok) throw new Error(`${login.username} cannot sign in: ${signIn.status} ${await signIn.text()}`);
      const { accessToken } = (await signIn.json()) as { accessToken: string };
      const units = await fetch(`${gateway}/directory/units`, { headers: { authorization: `Bearer ${accessToken}` } });
      const seen = (await units.json()) as { code: string }[];
      rows.push([login.role, login.username, login.password, login.unitCode, `${seen.length} (${seen[0]?.code}…)`]);
    }
    const out = process.stdout;
    out.write(`\nDemo district Nanchang (南长区): ${unitsCreated} unit(s) and ${usersCreated} user(s) created this run.\n`);
    out.write(`Sign in: POST ${gateway}/auth/login {"username","password"}  ·  API docs: ${gateway}/docs\n\n`);
    const header = ['role', 'username', 'password', 'scope', 'units visible'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) {
      out.write(`  ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
