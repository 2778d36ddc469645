import { CloudEvent, createEvent, EventContract, fromKafkaRecord, toKafkaRecord } from '@bangbang/contracts';
import { testKafka } from '@bangbang/testing';
import { Consumer, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** Plays the other services on the bus: produces their facts and collects what is published on the given topics. */
export class TestBus {
  readonly seen: CloudEvent[] = [];
  /** Every collected message as it was on the wire (key, headers and value), to look for leaks. */
  readonly raw: string[] = [];
  private constructor(
    private readonly prefix: string,
    private readonly producer: Producer,
    private readonly consumer: Consumer,
  ) {}

  static async start(prefix: string, ...collectTopics: string[]): Promise<TestBus> {
    const kafka = testKafka();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    const consumer = kafka.consumer({ groupId: `probe-${randomUUID()}` });
    await Promise.all([producer.connect(), consumer.connect()]);
    const bus = new TestBus(prefix, producer, consumer);
    await consumer.subscribe({ topics: collectTopics.map((t) => `${prefix}${t}`), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = v.toString();
        bus.raw.push(`${message.key?.toString() ?? ''} ${JSON.stringify(headers)} ${message.value?.toString() ?? ''}`);
        bus.seen.push(fromKafkaRecord({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? '', headers }));
      },
    });
    return bus;
  }

  async produce<T extends object>(contract: EventContract<T>, subject: string, data: T, id?: string): Promise<CloudEvent<T>> {
    const event = { ...createEvent(contract.source, { type: contract.type, subject, data }), ...(id ? { id } : {}) };
    await this.send(contract.topic, event);
    return event;
  }

  async send(topic: string, event: CloudEvent): Promise<void> {
    await this.producer.send({ topic: `${this.prefix}${topic}`, acks: -1, messages: [toKafkaRecord(event)] });
  }

  find<T>(type: string, where: (data: T) => boolean): Array<CloudEvent<T>> {
    return (this.seen as Array<CloudEvent<T>>).filter((e) => e.type === type && where(e.data));
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.consumer.disconnect(), this.producer.disconnect()]);
  }
}
