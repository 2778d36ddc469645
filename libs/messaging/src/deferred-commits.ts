import { getLogger } from '@bangbang/observability';

export interface PartitionOffset {
  topic: string;
  partition: number;
  /** The next offset to read. */
  offset: string;
}

/**
 * Offsets whose commit can wait: how far a group has read past events none of its handlers takes,
 * or how far the gateway's live stream has fanned out. A commit for each batch of them was half of
 * the broker's CPU in the lifecycle benchmark (every group reads whole topics, and at a low rate each
 * record is a batch of its own), and nothing needs them at once: whoever holds the partition next
 * reads them again, to no effect. So they are committed together every `everyMs`.
 */
export class DeferredCommits {
  private readonly log = getLogger('deferred-commits');
  private readonly pending = new Map<string, PartitionOffset>();
  private timer?: NodeJS.Timeout;
  private flushing = false;

  constructor(
    private readonly commit: (offsets: PartitionOffset[]) => Promise<void>,
    private readonly everyMs: number,
  ) {}

  note(at: PartitionOffset): void {
    this.pending.set(`${at.topic}/${at.partition}`, at);
  }

  /** The partition's offset is being committed otherwise, past what was noted. */
  forget(topic: string, partition: number): void {
    this.pending.delete(`${topic}/${partition}`);
  }

  /** Partitions move in a rebalance: a member must not commit for one it no longer holds. */
  clear(): void {
    this.pending.clear();
  }

  start(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.flush(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.pending.clear();
  }

  async flush(): Promise<void> {
    // While the broker is away a commit retries for seconds; the next tick commits the newer offsets.
    if (this.flushing || this.pending.size === 0) return;
    const offsets = [...this.pending.values()];
    this.pending.clear();
    this.flushing = true;
    try {
      await this.commit(offsets);
    } catch (err) {
      this.log.debug({ err, offsets }, 'deferred offsets not committed; read again by the next holder');
    } finally {
      this.flushing = false;
    }
  }
}
