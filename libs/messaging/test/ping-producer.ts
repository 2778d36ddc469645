import { CloudEvent, createEvent, toKafkaRecord } from '@bangbang/contracts';
import { loadConfig } from '@bangbang/observability';
import { testKafka } from '@bangbang/testing';
import { ensureTopics, MessagingConfig } from '../src';
import { Ping, PingV1 } from './ping.contract';

/** Creates the ping topic as a service would, so events can be produced before any consumer starts. */
export async function createPingTopic(topicPrefix: string): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [`${topicPrefix}${Ping.topic}`], loadConfig(MessagingConfig, { KAFKA_BROKERS: process.env.KAFKA_BROKERS }));
  } finally {
    await admin.disconnect();
  }
}

/** Produces ping events straight to Kafka, as another service's relay would. */
export function producePings(topicPrefix: string, pings: Array<{ key: string; data: PingV1 | Record<string, unknown> }>) {
  return producePingEvents(
    topicPrefix,
    pings.map(({ key, data }) => createEvent(Ping.source, { type: Ping.type, subject: key, data })),
  );
}

/** Produces the given events as they are, so a test can put the same event on the topic again. */
export async function producePingEvents(topicPrefix: string, events: CloudEvent[]): Promise<CloudEvent[]> {
  const producer = testKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
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
