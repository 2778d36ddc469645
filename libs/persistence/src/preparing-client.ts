import { Client, ClientConfig } from 'pg';

/** Texts this process has run: a text is prepared from its second run on. Cleared when it grows this large. */
const SEEN_LIMIT = 10_000;
const seen = new Set<string>();

/** What PostgreSQL says when a prepared statement's result columns changed under it (a migration added one). */
const STALE_PLAN = '0A000';

type QueryCall = (config: unknown, values?: unknown, callback?: unknown) => Promise<unknown> | undefined;

/**
 * A pg client that keeps the statements a service runs again and again prepared on its connection.
 *
 * PostgreSQL parses and plans an unnamed statement anew on every run. For the short statements a
 * lifecycle is made of, that was about half of the server's CPU (bench/README.md, "Prepared
 * statements"). This client names a parametrized statement once the process has run its text
 * before, so each connection parses and plans it once. A one-off text (a bulk insert of so many
 * rows) stays unnamed, and a connection keeps at most `limit` statements.
 *
 * A migration of a newer version that adds a column changes what `SELECT *` returns, and the server
 * refuses a statement prepared before it: that one call fails, and the text is prepared again under
 * a new name for the next.
 */
export function preparingClient(limit: number): typeof Client {
  return class PreparingClient extends Client {
    private readonly names = new Map<string, string>();
    private prepared = 0;

    constructor(config?: string | ClientConfig) {
      super(config);
      const query = (super.query as QueryCall).bind(this);
      const named = (text: string, values: unknown[]) => {
        const name = this.nameOf(text);
        if (!name) return query(text, values);
        return query({ name, text, values }, undefined)?.catch((err: { code?: string }) => {
          if (err.code === STALE_PLAN) this.names.set(text, `bb${++this.prepared}`);
          throw err;
        });
      };
      // pg's query is overloaded many ways; only the (text, values) form TypeORM uses is named.
      this.query = ((config: unknown, values?: unknown, callback?: unknown) =>
        typeof config === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined
          ? named(config, values)
          : query(config, values, callback)) as Client['query'];
    }

    private nameOf(text: string): string | undefined {
      const known = this.names.get(text);
      if (known) return known;
      if (!seen.has(text)) {
        if (seen.size >= SEEN_LIMIT) seen.clear();
        seen.add(text);
        return undefined;
      }
      if (this.names.size >= limit) return undefined;
      const name = `bb${++this.prepared}`;
      this.names.set(text, name);
      return name;
    }
  };
}
