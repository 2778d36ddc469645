/**
 * Runs a background pass every `everyMs`, counted from the end of the previous pass, so a slow pass
 * never overlaps the next one. `stop()` cancels the next pass and waits for the one in flight: a
 * service calls it in `onModuleDestroy`, before TypeORM closes the DataSource at shutdown, so no
 * pass is cut off half-way or queries a closed pool.
 */
export class SerialLoop {
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly everyMs: number,
    private readonly pass: () => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.scheduleNext();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.inFlight = Promise.resolve()
        .then(this.pass)
        .then(() => undefined, this.onError)
        .finally(() => this.scheduleNext());
    }, this.everyMs);
    // The HTTP server keeps the process alive; a pending pass alone must not.
    this.timer.unref();
  }
}
