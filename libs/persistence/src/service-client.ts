import { Client, ClientConfig, Query } from 'pg';
import { BeginFirst, Statement } from './begin-first';

/** Texts this process has run: a text is prepared from its second run on. Cleared when it grows this large. */
const SEEN_LIMIT = 10_000;
const seen = new Set<string>();
/** Texts never prepared: see `planEachRun`. */
const plannedEachRun = new Set<string>();

/**
 * Marks a statement that picks rows of a growing table by an array parameter (`= ANY($1)`, a join
 * on `unnest($1)`), and answers its text: the services' client then never prepares it, so the
 * server plans it on every run knowing the array's length and the table's size. A prepared one gets
 * a generic plan after five runs, made for an array of about ten and for the table as it was then;
 * made early on a small table, that plan reads the whole table, and it is kept until the table is
 * next analyzed (never, on a server without autovacuum). Planning such a statement costs 0.15–0.5 ms
 * on a slow machine (bench/README.md, "Morning runs (29 Nov 2026)"); reading a table of 100,000
 * rows, several.
 */
export function planEachRun(text: string): string {
  plannedEachRun.add(text);
  return text;
}

/** What PostgreSQL says when a prepared statement's result columns changed under it (a migration added one). */
const STALE_PLAN = '0A000';

/** How TypeORM opens and ends a transaction. */
const BEGINS = new Set(['START TRANSACTION', 'BEGIN']);
const ENDS = new Set(['COMMIT', 'ROLLBACK']);

type QueryCall = (config: unknown, values?: unknown, callback?: unknown) => Promise<unknown> | undefined;

/**
 * A pg client that spares the server the round trips and the planning a service's statements do
 * not need (bench/README.md, "Prepared statements, and BEGIN with the first statement").
 *
 * - It keeps the statements a service runs again and again prepared on its connection. PostgreSQL
 *   parses and plans an unnamed statement anew on every run; for the short statements a lifecycle
 *   is made of, that was about half of the server's CPU. A parametrized statement is named once the
 *   process has run its text before, so one-off texts (a bulk insert of so many rows) stay unnamed,
 *   and a connection keeps at most `preparedStatements` (0: none).
 * - It holds a transaction's BEGIN back and writes it with the transaction's first statement, and a
 *   transaction that ran nothing ends without a word to the server.
 *
 * A migration of a newer version that adds a column changes what `SELECT *` returns, and the server
 * refuses a statement prepared before it: that one call fails, and the text is prepared again under
 * a new name for the next.
 */
export function serviceClient(preparedStatements: number): typeof Client {
  return class ServiceClient extends Client {
    private readonly names = new Map<string, string>();
    private prepared = 0;
    /** A BEGIN asked for and not sent yet. */
    private begin: string | undefined;

    constructor(config?: string | ClientConfig) {
      super(config);
      const query = (super.query as QueryCall).bind(this);
      // pg's query is overloaded many ways; only the forms TypeORM uses are handled here.
      this.query = ((config: unknown, values?: unknown, callback?: unknown) => {
        if (typeof config === 'string' && callback === undefined) {
          if (BEGINS.has(config) && this.begin === undefined && values === undefined) {
            this.begin = config;
            return Promise.resolve({ command: 'BEGIN', rowCount: null, rows: [], fields: [] });
          }
          if (ENDS.has(config) && this.begin !== undefined) {
            this.begin = undefined;
            return Promise.resolve({ command: config, rowCount: null, rows: [], fields: [] });
          }
          if (Array.isArray(values) && values.length > 0) return this.extended(query, config, values);
        }
        if (this.begin !== undefined) {
          // A BEGIN that fails leaves the connection broken, and the statement queued behind it fails with it.
          query(this.begin)?.catch(() => undefined);
          this.begin = undefined;
        }
        return query(config, values, callback);
      }) as Client['query'];
    }

    private extended(query: QueryCall, text: string, values: unknown[]): Promise<unknown> {
      const name = this.nameOf(text);
      const config = { name, text, values };
      const begin = this.begin;
      this.begin = undefined;
      const sent =
        begin === undefined
          ? (query(config) as Promise<unknown>)
          : new Promise((resolve, reject) => {
              const statement = new Query(config, undefined, (err: Error | undefined, res: unknown) => (err ? reject(err) : resolve(res)));
              void query(new BeginFirst(begin, statement as unknown as Statement));
            });
      return sent.catch((err: { code?: string }) => {
        if (name && err.code === STALE_PLAN) this.names.set(text, `bb${++this.prepared}`);
        throw err;
      });
    }

    private nameOf(text: string): string | undefined {
      const known = this.names.get(text);
      if (known) return known;
      if (plannedEachRun.has(text)) return undefined;
      if (!seen.has(text)) {
        if (seen.size >= SEEN_LIMIT) seen.clear();
        seen.add(text);
        return undefined;
      }
      if (this.names.size >= preparedStatements) return undefined;
      const name = `bb${++this.prepared}`;
      this.names.set(text, name);
      return name;
    }
  };
}
