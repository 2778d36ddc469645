import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { kafkaBrokers } from './test-infra';
import { waitFor } from './wait-for';

export function testKafka(): Kafka {
  return new Kafka({ clientId: 'bangbang-test', brokers: kafkaBrokers().split(','), logLevel: logLevel.NOTHING });
}

export interface ReadMessage {
  key: string | null;
  value: string;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

/**
 * Subscribes from the beginning. A topic the service under test has only just created (services
 * create theirs in the background, intake never waits for Kafka) may not have its leader yet on a
 * fresh broker (UNKNOWN_TOPIC_OR_PARTITION): ask again until it has.
 */
export async function subscribeWhenReady(consumer: Consumer, topics: string[]): Promise<void> {
  await waitFor(() => consumer.subscribe({ topics, fromBeginning: true }).then(() => true), {
    what: `the topics ${topics.join(', ')} to have leaders`,
  });
}

/** Reads a topic from the beginning until `count` messages are in, or fails at the deadline. */
export async function readTopic(topic: string, count: number, timeoutMs = 30_000): Promise<ReadMessage[]> {
  const consumer = testKafka().consumer({ groupId: `probe-${randomUUID()}` });
  const got: ReadMessage[] = [];
  await consumer.connect();
  try {
    await subscribeWhenReady(consumer, [topic]);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${got.length} of ${count} messages from ${topic} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ message, partition }) => {
          got.push(toRead(message, partition));
          if (got.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return got;
}

/** Messages on the topic that a consumer group has not committed yet, summed over partitions. */
export async function groupLag(groupId: string, topic: string): Promise<number> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
    return ends.reduce((lag, end) => {
      const done = committed.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      return lag + Number(end.high) - Math.max(0, Number(done));
    }, 0);
  } finally {
    await admin.disconnect();
  }
}

function toRead(message: KafkaMessage, partition: number): ReadMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = v.toString();
  return { key: message.key?.toString() ?? null, value: message.value?.toString() ?? '', headers, partition, offset: message.offset };
}
