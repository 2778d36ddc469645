import { getLogger } from '@bangbang/observability';

export interface PartitionOffset {
  topic: string;
  partition: number;
  /** The next offset to read. */
  offset: string;
}

/**
 * Offsets whose commit can wait: how far a consumer group has read (events applied, whose inbox rows
 * make a second reading harmless, and events it only passes by), or how far the gateway's live
 * stream has fanned out. At a quiet hour each record is a fetched batch of its own, and a commit for
 * every batch was the largest share of the broker's requests and CPU in the lifecycle benchmark; a
 * commit every `everyMs`, for all partitions at once, costs a read of up to that much again after a
 * crash.
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
