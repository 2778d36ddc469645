import { dlqTopic } from '@bangbang/contracts';
import { Admin, IHeaders, Kafka, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { TopicNames } from './kafka';

/** Names the one consumer group a redriven event is for; every other group on the topic passes it by. */
export const REDRIVE_FOR_HEADER = 'bangbang_redrive_for';

/** One record of a dead-letter topic, with what the consumer that gave up on it wrote in its headers. */
export interface DeadLetter {
  /** The logical topic the event was taken from (its dead-letter topic is `<topic>.dlq`). */
  topic: string;
  /** Where the record sits in the dead-letter topic: what names it for a redrive. */
  partition: number;
  offset: string;
  key: string | null;
  eventId: string | null;
  eventType: string | null;
  reason: string | null;
  error: string | null;
  consumerGroup: string | null;
  sourcePartition: number | null;
  sourceOffset: string | null;
  attempts: number | null;
  deadLetteredAt: string | null;
}

interface Raw {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

const READ_TIMEOUT_MS = 20_000;

/**
 * Reads and redrives the dead-letter topics. Kafka keeps what was dead-lettered until the topic's
 * retention; which records were redriven is the caller's to remember (the gateway keeps a table).
 */
export class DeadLetters {
  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly producer: Producer,
    private readonly topics: TopicNames,
  ) {}

  /** Every record now on the topic's dead-letter topic, oldest first per partition. */
  async list(topic: string): Promise<DeadLetter[]> {
    return (await this.read(topic)).map((raw) => toDeadLetter(topic, raw));
  }

  /**
   * Puts the given records back on their source topic as they were first published, for the group
   * that gave up on them only (its inbox applies an event it dead-lettered; the other groups ignore it).
   */
  async redrive(topic: string, positions: Array<{ partition: number; offset: string }>): Promise<void> {
    if (!positions.length) return;
    const wanted = new Set(positions.map((p) => `${p.partition}/${p.offset}`));
    const found = (await this.read(topic)).filter((r) => wanted.has(`${r.partition}/${r.offset}`));
    if (found.length !== wanted.size)
      throw new Error(`${wanted.size - found.length} of the records to redrive are no longer on ${dlqTopic(topic)}`);
    await this.producer.send({
      topic: this.topics.physical(topic),
      acks: -1,
      messages: found.map((r) => {
        const headers: IHeaders = {};
        for (const [k, v] of Object.entries(r.headers))
          if (!k.startsWith('dlq_') && k !== REDRIVE_FOR_HEADER && v !== undefined) headers[k] = v;
        const group = text(r.headers.dlq_consumer_group);
        if (group) headers[REDRIVE_FOR_HEADER] = group;
        return { key: r.key, value: r.value, headers };
      }),
    });
  }

  /** Reads from the start to the end the topic had when asked, in a throwaway group that is deleted after. */
  private async read(topic: string): Promise<Raw[]> {
    const physical = this.topics.physical(dlqTopic(topic));
    await this.admin.connect();
    // A topic nobody consumed yet has no dead-letter topic; asking for its offsets would fail.
    if (!(await this.admin.listTopics()).includes(physical)) return [];
    const ends = await this.admin.fetchTopicOffsets(physical);
    const pending = new Map(ends.filter((e) => Number(e.high) > Number(e.low)).map((e) => [e.partition, Number(e.high) - 1]));
    if (!pending.size) return [];
    const groupId = this.topics.physical(`dead-letter-reader-${randomUUID()}`);
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
    const got: Raw[] = [];
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: physical, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`could not read ${physical} in ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const last = pending.get(partition);
            if (last === undefined || Number(message.offset) > last) return;
            got.push({ partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers ?? {} });
            if (Number(message.offset) === last) pending.delete(partition);
            if (!pending.size) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
      await this.admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return got.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
  }
}

function text(v: IHeaders[string]): string | null {
  if (v === undefined) return null;
  return Array.isArray(v) ? v.map(String).join(',') : v.toString();
}

function toDeadLetter(topic: string, r: Raw): DeadLetter {
  const h = (name: string) => text(r.headers[name]);
  const num = (name: string) => (h(name) === null ? null : Number(h(name)));
  return {
    topic,
    partition: r.partition,
    offset: r.offset,
    key: r.key?.toString() ?? null,
    eventId: h('ce_id'),
    eventType: h('ce_type'),
    reason: h('dlq_reason'),
    error: h('dlq_error'),
    consumerGroup: h('dlq_consumer_group'),
    sourcePartition: num('dlq_source_partition'),
    sourceOffset: h('dlq_source_offset'),
    attempts: num('dlq_attempts'),
    deadLetteredAt: h('dlq_time'),
  };
}
