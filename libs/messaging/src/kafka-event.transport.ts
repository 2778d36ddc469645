import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { EventHandler } from './event-context';
import { ConsumerDeps, ConsumerStatus, EventConsumer } from './event-consumer';

/**
 * Nest transport strategy over our consumer, so handlers keep the `@EventPattern(type)` idiom.
 * Events only: there is deliberately no request/reply over Kafka. Listening does not wait for the
 * group: the consumer joins in the background, so the service's HTTP is up while it does.
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  private consumer?: EventConsumer;

  constructor(
    private readonly deps: ConsumerDeps,
    private readonly groupId: string,
    private readonly onCrash?: (error: Error) => void,
  ) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => void): void {
    const handlers = new Map<string, EventHandler>();
    for (const [pattern, handler] of this.getHandlers()) {
      if (!handler.isEventHandler) throw new Error(`@MessagePattern(${pattern}) is not supported: events only`);
      const run: EventHandler = async (event, ctx) => {
        await lastValueFrom(this.transformToObservable(await handler(event, ctx)), { defaultValue: undefined });
      };
      run.when = handler.extras?.when as EventHandler['when'];
      handlers.set(pattern, run);
    }
    this.consumer = new EventConsumer(this.deps, { groupId: this.groupId, handlers, onCrash: this.onCrash });
    this.consumer.startInBackground();
    callback();
  }

  /** Null until the service listens. */
  consumerStatus(): ConsumerStatus | null {
    return this.consumer?.status() ?? null;
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  on(): void {
    throw new Error('KafkaEventTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }
}
