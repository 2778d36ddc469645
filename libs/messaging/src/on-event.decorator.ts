import { CloudEvent, EventContract } from '@bangbang/contracts';
import { EventPattern } from '@nestjs/microservices';
import { EventContext } from './event-context';

type EventHandlerDecorator<T> = (
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<(event: CloudEvent<T>, ctx: EventContext) => Promise<void>>,
) => void;

/** `@EventPattern` bound to a contract, so the handler's payload type follows the contract. */
export const OnEvent = <T extends object>(contract: EventContract<T>): EventHandlerDecorator<T> =>
  EventPattern<string>(contract.type) as EventHandlerDecorator<T>;
