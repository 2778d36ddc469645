import { CloudEvent } from '@bangbang/contracts';
import { BaseRpcContext } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';

export interface DeliveryInfo {
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
  heartbeat: () => Promise<void>;
  /**
   * Whether other events share this transaction. A chunk that loses a lock conflict is applied
   * again whole, and after a few such losses one event at a time: a handler may take a chance in a
   * chunk (a check at commit that can lose) that it must not take alone, where a loss is a retry
   * towards the dead-letter topic.
   */
  inChunk: boolean;
  /**
   * State shared by every handler of the transaction (a chunk of events or a single one) under
   * `key`: `create` makes it for the first, and `write` runs once with it, after the last handler and
   * before the commit. For writes to rows many transactions share, so they are locked last and held
   * briefly.
   */
  beforeCommit: <T>(key: string, create: () => T, write: (state: T) => Promise<void>) => T;
  /**
   * Runs `run` once the transaction has committed, and never if it rolls back (a chunk applied again
   * runs its handlers again, and with them what they ask for here). For state kept in memory that
   * must not be refilled from the database before the change is there to be read.
   */
  afterCommit: (run: () => void) => void;
}

/**
 * What an `@EventPattern` handler gets as `@Ctx()`: the transaction its effects must be written in
 * (the inbox row that makes the event "seen" commits with them) and where the event came from.
 */
export class EventContext extends BaseRpcContext<[EntityManager, CloudEvent, DeliveryInfo]> {
  get manager(): EntityManager {
    return this.args[0];
  }
  get event(): CloudEvent {
    return this.args[1];
  }
  get delivery(): DeliveryInfo {
    return this.args[2];
  }
}

export interface EventHandler {
  (event: CloudEvent, ctx: EventContext): Promise<void>;
  /** `@OnEvent`'s `when`: false for an event to pass by without a transaction. */
  when?: (data: unknown) => boolean;
}
