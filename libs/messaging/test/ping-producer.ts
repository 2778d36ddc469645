import { createEvent, toKafkaRecord } from '@bangbang/contracts';
import { testKafka } from '@bangbang/testing';
import { Ping, PingV1 } from './ping.contract';

/** Produces ping events straight to Kafka, as another service's relay would. */
export async function producePings(topicPrefix: string, pings: Array<{ key: string; data: PingV1 | Record<string, unknown> }>) {
  const producer = testKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const events = pings.map(({ key, data }) =>
      createEvent(Ping.source, { type: Ping.type, subject: key, data }),
    );
    for (let i = 0; i < events.length; i += 500) {
      await producer.send({
        topic: `${topicPrefix}${Ping.topic}`,
        acks: -1,
        messages: events.slice(i, i + 500).map(toKafkaRecord),
      });
    }
    return events;
  } finally {
    await producer.disconnect();
  }
}
