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
   * Runs `task` once, after every handler of the transaction (a chunk of events or a single one)
   * and before it commits; a second call with the same key in the same transaction is ignored.
   * For writes to rows many transactions share, so they are locked last and held briefly.
   */
  beforeCommit: (key: string, task: () => Promise<void>) => void;
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

export type EventHandler = (event: CloudEvent, ctx: EventContext) => Promise<void>;
