import { CloudEvent, EventContract, fromKafkaRecord } from '@bangbang/contracts';
import { TestProducer, TopicWatch } from '@bangbang/testing';

/** Plays the other services on the bus: produces their facts and collects what is published on the given topics. */
export class TestBus {
  private constructor(
    private readonly producer: TestProducer,
    private readonly watch: TopicWatch,
  ) {}

  static async start(prefix: string, ...collectTopics: string[]): Promise<TestBus> {
    const [producer, watch] = await Promise.all([
      TestProducer.start(prefix),
      TopicWatch.start(...collectTopics.map((t) => `${prefix}${t}`)),
    ]);
    return new TestBus(producer, watch);
  }

  /** Every collected event, in arrival order. */
  get seen(): CloudEvent[] {
    return this.watch.messages.map((m) => fromKafkaRecord({ key: m.key || null, value: m.value, headers: m.headers }));
  }

  /** Every collected message as it was on the wire (key, headers and value), to look for leaks. */
  get raw(): string[] {
    return this.watch.messages.map((m) => `${m.key} ${JSON.stringify(m.headers)} ${m.value}`);
  }

  async produce<T extends object>(contract: EventContract<T>, subject: string, data: T, id?: string): Promise<CloudEvent<T>> {
    const [event] = await this.producer.produce(contract, [{ subject, data, id }]);
    return event;
  }

  async send(topic: string, event: CloudEvent): Promise<void> {
    await this.producer.send(topic, [event]);
  }

  find<T>(type: string, where: (data: T) => boolean): Array<CloudEvent<T>> {
    return (this.seen as Array<CloudEvent<T>>).filter((e) => e.type === type && where(e.data));
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.watch.stop(), this.producer.stop()]);
  }
}
