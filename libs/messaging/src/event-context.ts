import { CloudEvent } from '@bangbang/contracts';
import { BaseRpcContext } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';

export interface DeliveryInfo {
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
  heartbeat: () => Promise<void>;
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
