import 'reflect-metadata';
import { MessagingTables1764000000000 } from '@bangbang/messaging';
import { databaseUrlFor, dataSourceOptions, runMigrationsLocked } from '@bangbang/persistence';
import { DataSource } from 'typeorm';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../../services/gateway/src/gateway.service-definition';
import { DEMO_LOGINS, seedDemo } from './demo';
import { staffPlan } from './district-data';
import { seedDistrict } from './district-seed';

/**
 * `npm start` runs this after the services are up: seeds the org tree's root and the demo logins
 * into the gateway's database, then the rest of the district (communities, staff, partner units,
 * volunteers, households) through the gateway's public API, then signs in as each demo user and
 * prints what each one sees, and every staff login with its password.
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
    const households = Number(process.env.BANGBANG_SEED_HOUSEHOLDS ?? 2_000);
    // Six months of the previous hotline system's completed requests, so past months have figures.
    const history = Number(process.env.BANGBANG_SEED_HISTORY ?? 600);
    if (!Number.isInteger(history) || history < 0)
      throw new Error(`BANGBANG_SEED_HISTORY must be a whole number ≥ 0, not ${process.env.BANGBANG_SEED_HISTORY}`);
    const district = await seedDistrict({
      gatewayUrl: gateway,
      households,
      history,
      log: (line) => process.stderr.write(`seed: ${line}\n`),
    });
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
    const { created, total } = district;
    out.write(
      `\nDemo district Nanchang (南长区): ${total.communities} communities, ${total.staff} staff, ${total.units} partner units, ${total.volunteers} volunteers, ${total.households} households`,
    );
    out.write(
      ` (${unitsCreated + created.communities} unit(s), ${usersCreated + created.staff} staff, ${created.units} partner unit(s), ${created.volunteers} volunteer(s), ${created.households} household(s), ${created.history} past request(s) imported this run, in ${(district.ms / 1000).toFixed(1)} s).\n`,
    );
    out.write(`Sign in: POST ${gateway}/auth/login {"username","password"}  ·  API docs: ${gateway}/docs\n\n`);
    const header = ['role', 'username', 'password', 'scope', 'units visible'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) {
      out.write(`  ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
    }
    out.write('\nMore staff (every street and community has its admin, every street its agent):\n');
    for (const s of staffPlan()) out.write(`  ${s.role.padEnd(15)}  ${s.username.padEnd(24)}  ${s.password}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
