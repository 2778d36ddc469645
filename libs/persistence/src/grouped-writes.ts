interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Writes that a background sender makes one per item (a text or a webhook recorded as delivered),
 * made many in one statement. An item added while a write is under way waits for it and goes with
 * the next, so under load the items that came meanwhile take one write; an item added alone is
 * written at once. Nothing waits on a timer, so a crash leaves no more items unwritten than the
 * writes under way already did.
 */
export class GroupedWrites<T, R> {
  private queued: Waiting<T, R>[] = [];
  private writing = false;

  /** `write` answers each item's result, in the order of the items given. */
  constructor(private readonly write: (items: T[]) => Promise<R[]>) {}

  /** Settles once the item is written, with its result or the error of the write it went in. */
  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      if (!this.writing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.queued.length) {
      const batch = this.queued;
      this.queued = [];
      try {
        const results = await this.write(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i]));
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.writing = false;
  }
}
