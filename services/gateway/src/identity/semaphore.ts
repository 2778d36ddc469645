/** Thrown when a slot did not free up within the wait allowed. */
export class SemaphoreBusy extends Error {
  constructor() {
    super('too busy');
  }
}

interface Waiter {
  resolve: () => void;
  timer: NodeJS.Timeout;
}

/**
 * At most `limit` pieces of work at once; a newcomer waits up to `maxWaitMs` for a slot (and no
 * more than `maxWaiting` wait at all), else it is refused with SemaphoreBusy instead of queueing
 * without bound.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaitMs: number,
    private readonly maxWaiting = limit * 16,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new SemaphoreBusy());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new SemaphoreBusy());
        }, this.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** The slot passes straight to the next waiter, so a newcomer cannot overtake the queue. */
  private release(): void {
    const next = this.waiting.shift();
    if (!next) return void this.active--;
    clearTimeout(next.timer);
    next.resolve();
  }
}
