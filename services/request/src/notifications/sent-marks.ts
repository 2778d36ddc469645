interface Mark {
  id: string;
  body: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Records delivered texts as sent, many in one statement. A mark asked for while another write is
 * under way waits for it and goes with the next, so under load the texts delivered meanwhile take
 * one UPDATE; a mark asked for alone is written at once. Nothing waits on a timer, so a crash
 * leaves no more delivered texts unmarked (to be sent again, and dropped by the gateway as a repeat
 * of their id) than the writes under way already did.
 */
export class SentMarks {
  private queued: Mark[] = [];
  private writing = false;

  constructor(private readonly write: (ids: string[], bodies: string[]) => Promise<unknown>) {}

  /** Settles once the text's mark is written, or with the error of the write it went in. */
  mark(id: string, body: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ id, body, resolve, reject });
      if (!this.writing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.queued.length) {
      const batch = this.queued;
      this.queued = [];
      try {
        await this.write(
          batch.map((m) => m.id),
          batch.map((m) => m.body),
        );
        for (const m of batch) m.resolve();
      } catch (err) {
        for (const m of batch) m.reject(err);
      }
    }
    this.writing = false;
  }
}
