import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { backgroundPassErrors, backgroundPassSeconds, getLogger } from '@bangbang/observability';
import { PgListener } from './pg-listener';

export interface BackgroundLoopOptions {
  /** Names the loop in logs and in the `loop` label of its metrics. */
  name: string;
  /** The wait between passes when the last one found nothing more to do. */
  everyMs: number;
  /**
   * One pass. Returning `true` says more work is waiting (a full batch), and the next pass starts at
   * once instead of after `everyMs`. A number is the wait in ms before the next pass, used when it is
   * sooner than `everyMs` (work that falls due before the next poll).
   */
  pass: () => Promise<boolean | number | void>;
  /**
   * A PostgreSQL channel whose `pg_notify` wakes the loop at once, through the process's one
   * listening connection (PgListener); `everyMs` is then only the fallback for lost notifications.
   */
  listen?: { url: string; channel: string };
  /** Failed passes back off from `everyMs`, doubling up to this. */
  maxBackoffMs?: number;
  /** Runs the first pass at start instead of after `everyMs`. */
  passAtStart?: boolean;
  /**
   * Work that must run in one instance at a time (pruning, sweeping): only the instance holding
   * this loop's session-level advisory lock on the database at `url` runs passes. The lock is held
   * on a connection of its own, so it goes with the process; the others try again every poll.
   */
  single?: { url: string };
}

/**
 * The one background loop every service uses: passes never overlap, a pass that reports more work is
 * followed at once, a failure backs off exponentially, a notification wakes it early, and `stop()`
 * waits for the pass in flight, so a service stops it before its DataSource closes.
 */
export class BackgroundLoop {
  private readonly log;
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private running = false;
  private wakeRequested = false;
  /** A pass left work to the tasks it started (their slots busy): the next to settle wakes the loop. */
  private leftToTasks = false;
  private failures = 0;
  private unlisten?: () => Promise<void>;
  private readonly leadership?: Leadership;

  constructor(private readonly options: BackgroundLoopOptions) {
    this.log = getLogger(options.name);
    if (options.single) this.leadership = new Leadership(options.single.url, `bangbang:loop:${options.name}`, this.log);
  }

  /** Whether this instance runs the passes (always, unless the loop is `single`). */
  get leading(): boolean {
    return this.leadership ? this.leadership.held : true;
  }

  async start(): Promise<void> {
    this.running = true;
    const { listen } = this.options;
    if (listen) this.unlisten = await PgListener.for(listen.url).subscribe(listen.channel, () => this.wake());
    this.schedule(this.options.passAtStart ? 0 : this.options.everyMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.inFlight;
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    await unlisten?.();
    await this.leadership?.release();
  }

  /** Runs a pass now, or right after the one in flight. */
  wake(): void {
    if (!this.running) return;
    if (this.inFlight) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * For loops whose passes start tasks that outlive them (sends in flight): a pass that could not
   * take some work because those tasks hold its slots says so here, and the next task to settle
   * wakes the loop.
   */
  leaveToTasks(): void {
    this.leftToTasks = true;
  }

  /**
   * A task a pass started has ended. It wakes the loop only when a pass left work to it, or when it
   * set a retry (`retryDue`), whose time the next pass then reckons with: otherwise nothing waits on it.
   */
  taskSettled(retryDue: boolean): void {
    if (!retryDue && !this.leftToTasks) return;
    this.leftToTasks = false;
    this.wake();
  }

  /** Runs one pass now (after the one in flight) and resolves to whether more work is waiting. */
  runOnce(): Promise<boolean> {
    return this.runPass();
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (!this.running) return;
    this.timer = setTimeout(() => void this.runPass(), delayMs);
    // The HTTP server keeps a service alive; a pending pass alone must not keep a process running.
    this.timer.unref();
  }

  private async runPass(): Promise<boolean> {
    while (this.inFlight) await this.inFlight;
    this.wakeRequested = false;
    const passing = this.timedPass();
    const pass = passing.then(() => undefined);
    this.inFlight = pass;
    const result = await passing;
    await pass;
    if (this.inFlight === pass) this.inFlight = undefined;
    const { everyMs } = this.options;
    const backoff = Math.min(everyMs * 2 ** this.failures, this.options.maxBackoffMs ?? 30_000);
    const idle = typeof result === 'number' ? Math.min(everyMs, Math.max(0, result)) : everyMs;
    this.schedule(this.failures ? backoff : result === true || this.wakeRequested ? 0 : idle);
    return result === true;
  }

  /** One pass, measured; resolves to what the pass asked for, and never rejects. */
  private async timedPass(): Promise<boolean | number> {
    const end = backgroundPassSeconds.startTimer({ loop: this.options.name });
    try {
      if (this.leadership && !(await this.leadership.acquire())) return false;
      const result = (await this.options.pass()) ?? false;
      this.failures = 0;
      return result;
    } catch (err) {
      this.failures += 1;
      backgroundPassErrors.inc({ loop: this.options.name });
      this.log.error({ err, failures: this.failures }, `${this.options.name} pass failed`);
      return false;
    } finally {
      end();
    }
  }
}

/**
 * A session-level advisory lock on a dedicated connection: held until released or until the
 * connection ends, which a crashed process's does at once (the server drops its session).
 */
class Leadership {
  private client?: Client;
  held = false;

  constructor(
    private readonly url: string,
    private readonly name: string,
    private readonly log: ReturnType<typeof getLogger>,
  ) {}

  /** Whether this process leads, trying to become leader when it does not. */
  async acquire(): Promise<boolean> {
    if (this.held) return true;
    if (!this.client) {
      const client = new Client({ connectionString: this.url });
      client.on('error', (err) => {
        if (this.held) this.log.warn({ err }, 'leadership connection lost; another instance may take over');
        if (this.client === client) {
          this.client = undefined;
          this.held = false;
        }
        void client.end().catch(() => undefined);
      });
      await client.connect();
      this.client = client;
    }
    const { rows } = await this.client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held', [
      this.name,
    ]);
    this.held = rows[0].held;
    if (this.held) this.log.info('leading: this instance runs the passes');
    return this.held;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    // Ending the session releases its advisory locks.
    await client?.end().catch(() => undefined);
  }
}

/**
 * For a loop's `pass` to return: the ms until the earliest pending row of `table` falls due
 * (`next_attempt_at`), at least 5, and never more than `pollMs`. `except` leaves out rows the loop
 * is not free to take now (a column and the values it holds), whose turn comes with a wake-up:
 * counted, they would have the loop ask again every 5 ms until then.
 */
export async function msUntilNextDue(
  ds: DataSource,
  table: string,
  pollMs: number,
  except?: { column: string; values: string[] },
): Promise<number> {
  const [row] = await ds.query<[{ ms: string | null }]>(
    `SELECT extract(epoch FROM min(next_attempt_at) - now()) * 1000 AS ms FROM ${table} WHERE status = 'pending'` +
      (except ? ` AND ${except.column}::text <> ALL($1::text[])` : ''),
    except ? [except.values] : [],
  );
  const ms = row?.ms == null ? Infinity : Number(row.ms);
  return Math.max(5, Math.min(pollMs, Math.ceil(ms)));
}
