import { CloudEvent, EventContract } from '@bangbang/contracts';
import { EventPattern } from '@nestjs/microservices';
import { EventContext } from './event-context';

type EventHandlerDecorator<T> = (
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<(event: CloudEvent<T>, ctx: EventContext) => Promise<void>>,
) => void;

export interface OnEventOptions<T> {
  /**
   * Whether an event concerns this service at all, from its data alone. One that does not is passed
   * by as if no handler took it: no transaction, no inbox row. For events of which a service takes
   * only some (a volunteer's jobs among everyone's), which would otherwise each cost a transaction.
   * It is asked before the contract check, so that an event passed by is not validated either: it
   * sees the data as it arrived and should only compare plain fields.
   */
  when?: (data: T) => boolean;
}

/** `@EventPattern` bound to a contract, so the handler's payload type follows the contract. */
export const OnEvent = <T extends object>(contract: EventContract<T>, options: OnEventOptions<T> = {}): EventHandlerDecorator<T> =>
  EventPattern<string>(contract.type, { when: options.when }) as EventHandlerDecorator<T>;
