import { getLogger } from '@bangbang/observability';
import { Client } from 'pg';

type Wake = () => void;

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 10_000;

/**
 * One LISTEN connection per process and database, shared by everything a `pg_notify` wakes (the
 * outbox relay, the senders). When the connection is cut it is opened again, with backoff, and every
 * subscriber is woken once it is back: a notification sent meanwhile was lost, so each looks for
 * itself. Subscribers keep a slow poll for the time the connection is down.
 */
export class PgListener {
  private static readonly shared = new Map<string, PgListener>();
  private readonly log = getLogger('pg-listener');
  private readonly subscribers = new Map<string, Set<Wake>>();
  private readonly listening = new Set<string>();
  private client?: Client;
  private connecting?: Promise<void>;
  private syncing: Promise<void> = Promise.resolve();
  private retryTimer?: NodeJS.Timeout;
  private failures = 0;

  private constructor(private readonly url: string) {}

  /** The process's listener on this database. */
  static for(url: string): PgListener {
    let listener = PgListener.shared.get(url);
    if (!listener) PgListener.shared.set(url, (listener = new PgListener(url)));
    return listener;
  }

  /** Whether the connection is up (for tests and health). */
  get connected(): boolean {
    return this.client !== undefined;
  }

  /** The server process of the connection, so a test can cut it. */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  /**
   * Calls `wake` on each notification on the channel and after each reconnection. Resolves once the
   * channel is listened to, or once the first attempt to connect failed (it goes on trying). The
   * returned function unsubscribes; the last one out closes the connection.
   */
  async subscribe(channel: string, wake: Wake): Promise<() => Promise<void>> {
    const set = this.subscribers.get(channel) ?? new Set();
    set.add(wake);
    this.subscribers.set(channel, set);
    await this.ensure().catch((err) => this.log.warn({ err, channel }, 'listener down; polling until it is back'));
    return () => this.unsubscribe(channel, wake);
  }

  private async unsubscribe(channel: string, wake: Wake): Promise<void> {
    const set = this.subscribers.get(channel);
    set?.delete(wake);
    if (set?.size === 0) this.subscribers.delete(channel);
    if (this.subscribers.size) return this.sync();
    clearTimeout(this.retryTimer);
    PgListener.shared.delete(this.url);
    await this.connecting?.catch(() => undefined);
    await this.unsubscribeAll();
  }

  private ensure(): Promise<void> {
    if (this.client) return this.sync();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, keepAlive: true });
    client.on('notification', ({ channel }) => this.subscribers.get(channel)?.forEach((wake) => wake()));
    client.on('error', (err) => {
      if (this.client !== client) return;
      this.log.warn({ err }, 'listener connection lost; reconnecting');
      this.lost(client);
    });
    client.on('end', () => this.client === client && this.lost(client));
    try {
      await client.connect();
    } catch (err) {
      this.retryLater();
      throw err;
    }
    const reconnected = this.failures > 0;
    this.client = client;
    this.failures = 0;
    await this.sync();
    if (!this.subscribers.size) return this.unsubscribeAll();
    if (reconnected) this.subscribers.forEach((set) => set.forEach((wake) => wake()));
  }

  private async unsubscribeAll(): Promise<void> {
    const client = this.client;
    this.drop();
    await client?.end().catch(() => undefined);
  }

  private lost(client: Client): void {
    this.drop();
    void client.end().catch(() => undefined);
    this.retryLater();
  }

  private drop(): void {
    this.client = undefined;
    this.listening.clear();
  }

  private retryLater(): void {
    if (!this.subscribers.size) return;
    this.failures += 1;
    const delay = Math.min(RETRY_FIRST_MS * 2 ** (this.failures - 1), RETRY_MAX_MS);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.ensure().catch(() => undefined), delay);
    this.retryTimer.unref();
  }

  /** LISTENs to every channel with subscribers and UNLISTENs the rest, one change at a time. */
  private sync(): Promise<void> {
    this.syncing = this.syncing
      .catch(() => undefined)
      .then(async () => {
        const client = this.client;
        if (!client) return;
        for (const channel of this.subscribers.keys()) {
          if (this.listening.has(channel)) continue;
          await client.query(`LISTEN ${quote(channel)}`);
          this.listening.add(channel);
        }
        for (const channel of [...this.listening]) {
          if (this.subscribers.has(channel)) continue;
          await client.query(`UNLISTEN ${quote(channel)}`);
          this.listening.delete(channel);
        }
      });
    return this.syncing;
  }
}

function quote(channel: string): string {
  return `"${channel.replace(/"/g, '""')}"`;
}
