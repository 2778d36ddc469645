import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseUrlFor, serverUrl } from './database-url';

const SERVICES = ['gateway', 'request', 'dispatch', 'merchant', 'volunteer', 'rating'];

/** Connects the way a service does: its own role, the database named for a service. */
async function connectAs(role: string, database: string): Promise<Client> {
  const client = new Client({ connectionString: databaseUrlFor(database, { DATABASE_URL: serverUrl(), DATABASE_USER: role }) });
  await client.connect();
  return client;
}

async function refusal(role: string, database: string): Promise<string> {
  try {
    await (await connectAs(role, database)).end();
    return 'connected';
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * The databases and roles `npm start` gets from deploy/local/postgres.sh (idempotent, so this
 * runs it again): each service logs in as its own role and reaches its own database only.
 */
describe('one database role per service', () => {
  beforeAll(() => {
    const script = join(__dirname, '../../../deploy/local/postgres.sh');
    execFileSync('bash', [script], { env: { ...process.env, DATABASE_URL: serverUrl() }, stdio: 'pipe' });
    execFileSync('bash', [script], { env: { ...process.env, DATABASE_URL: serverUrl() }, stdio: 'pipe' });
  });

  it('lets a service own its database: create, write and read its tables, not be superuser', async () => {
    for (const service of SERVICES) {
      const c = await connectAs(`bangbang_${service}`, service);
      try {
        const [me] = (
          await c.query(
            'SELECT current_user AS role, current_database() AS db, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user',
          )
        ).rows;
        expect(me).toEqual({
          role: `bangbang_${service}`,
          db: `bangbang_${service}`,
          rolsuper: false,
          rolcreatedb: false,
          rolcreaterole: false,
        });
        await c.query('BEGIN');
        await c.query('CREATE TABLE role_probe (id int)');
        await c.query('INSERT INTO role_probe VALUES (1)');
        expect((await c.query('SELECT id FROM role_probe')).rows).toEqual([{ id: 1 }]);
        await c.query('ROLLBACK');
      } finally {
        await c.end();
      }
    }
  });

  it('keeps a service out of every other service’s database', async () => {
    for (const service of SERVICES) {
      for (const other of SERVICES.filter((s) => s !== service)) {
        expect([service, other, await refusal(`bangbang_${service}`, other)]).toEqual([
          service,
          other,
          expect.stringMatching(/permission denied for database/),
        ]);
      }
    }
  });
});
