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
  private failures = 0;
  private unlisten?: () => Promise<void>;

  constructor(private readonly options: BackgroundLoopOptions) {
    this.log = getLogger(options.name);
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
