import { dlqTopic } from '@bangbang/contracts';
import { getLogger, kafkaRequests } from '@bangbang/observability';
import { Admin, Consumer, Kafka, logLevel, LogEntry, Producer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { kafkaSecurity } from './kafka-security';
import { MessagingConfig } from './messaging.config';
import { fixRequestQueueIdleLoop } from './request-queue-fix';

const LEVELS: Record<string, logLevel> = {
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/** Counts the client's requests (`bangbang_kafka_requests_total`): the bench's measure of the bus's work per lifecycle. */
export function countRequests(client: Consumer | Producer | Admin, kind: 'consumer' | 'producer' | 'admin'): void {
  // The three clients' `on` overloads differ only in their event names; REQUEST is common to all.
  (client as Consumer).on((client as Consumer).events.REQUEST, ({ payload }) => kafkaRequests.inc({ client: kind, api: payload.apiName }));
}

export function createKafka(config: MessagingConfig, clientId: string): Kafka {
  fixRequestQueueIdleLoop();
  const log = getLogger('kafkajs');
  return new Kafka({
    clientId,
    brokers: config.KAFKA_BROKERS.split(','),
    ...kafkaSecurity(config),
    logLevel: LEVELS[config.KAFKA_LOG_LEVEL],
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        const method = level <= logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : 'debug';
        log[method](rest, message);
      },
  });
}

/** Maps the logical topic names of the contracts to the physical ones on this cluster. */
export class TopicNames {
  constructor(private readonly prefix: string) {}

  physical(logical: string): string {
    return `${this.prefix}${logical}`;
  }

  logical(physical: string): string {
    return physical.startsWith(this.prefix) ? physical.slice(this.prefix.length) : physical;
  }
}

/**
 * Brokers here do not auto-create topics, so that a typo cannot invent one; each service creates
 * the topics it produces to and consumes from, with their dead-letter topics, at start-up.
 */
export async function ensureTopics(admin: Admin, topics: string[], config: MessagingConfig): Promise<void> {
  const wanted = [...new Set(topics.flatMap((t) => (t.endsWith('.dlq') ? [t] : [t, dlqTopic(t)])))];
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((t) => !existing.has(t));
  if (!missing.length) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: config.KAFKA_PARTITIONS,
        replicationFactor: config.KAFKA_REPLICATION_FACTOR,
      })),
    });
  } catch (err) {
    // A busy broker may not serve a just-created topic's metadata yet; kafkajs gives up on that
    // instead of waiting for the leaders it was asked to wait for, so the waiting is done here.
    if ((err as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw err;
    await waitForMetadata(admin, missing);
  }
}

async function waitForMetadata(admin: Admin, topics: string[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await admin.fetchTopicMetadata({ topics });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(100);
    }
  }
}
