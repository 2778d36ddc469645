import { getLogger, loadConfig } from '@bangbang/observability';
import { Admin, Kafka, Partitioners, Producer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { backoffDelay } from './backoff';
import { DeadLetters } from './dead-letters';
import { ConsumerDeps, ConsumerStatus } from './event-consumer';
import { MessagingHousekeeping } from './housekeeping';
import { countRequests, createKafka, ensureTopics, TopicNames } from './kafka';
import { KafkaEventTransport } from './kafka-event.transport';
import { MessagingConfig } from './messaging.config';
import { OutboxRelay, RelayHooks } from './outbox.relay';
import { finishedWithin } from './within';

/** A service's connection to the bus: one producer, the outbox relay and the consumer transports. */
export class Messaging {
  readonly config: MessagingConfig;
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly admin: Admin;
  readonly topics: TopicNames;
  readonly relay: OutboxRelay;
  readonly housekeeping: MessagingHousekeeping;
  readonly deadLetters: DeadLetters;
  private readonly log = getLogger('messaging');
  private readonly transports: KafkaEventTransport[] = [];
  private readonly stopped = new AbortController();

  constructor(
    readonly service: string,
    private readonly ds: DataSource,
    options: { config?: MessagingConfig; relayHooks?: RelayHooks } = {},
  ) {
    this.config = options.config ?? loadConfig(MessagingConfig);
    this.kafka = createKafka(this.config, `bangbang-${service}`);
    // Idempotent with one request in flight: broker retries can neither duplicate nor reorder.
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Murmur2, as the Java client: a key lands on the same partition whoever produces it.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.admin = this.kafka.admin();
    countRequests(this.producer, 'producer');
    countRequests(this.admin, 'admin');
    this.topics = new TopicNames(this.config.KAFKA_TOPIC_PREFIX);
    this.relay = new OutboxRelay(ds, this.producer, this.admin, this.topics, this.config, options.relayHooks);
    this.housekeeping = new MessagingHousekeeping(ds, this.admin, this.topics, this.config);
    this.deadLetters = new DeadLetters(this.kafka, this.admin, this.producer, this.topics);
  }

  /**
   * Starts the relay and connects to the bus in the background: a service's outbox takes writes
   * while the broker is away, and the relay publishes them once it is connected.
   */
  async start(producedTopics: string[] = []): Promise<void> {
    await Promise.all([this.relay.start(), this.housekeeping.start()]);
    void this.connect(producedTopics.map((t) => this.topics.physical(t)));
  }

  /** Does not wait for a connection still being tried: it gives up and disconnects on its own. */
  async stop(): Promise<void> {
    this.stopped.abort();
    await Promise.all([this.relay.stop(), this.housekeeping.stop()]);
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  private async connect(producedTopics: string[]): Promise<void> {
    for (let attempt = 1; !this.stopped.signal.aborted; attempt++) {
      try {
        await Promise.all([this.producer.connect(), this.admin.connect()]);
        if (this.stopped.signal.aborted) break;
        await ensureTopics(this.admin, producedTopics, this.config);
        this.relay.startPublishing();
        this.log.info({ brokers: this.config.KAFKA_BROKERS }, 'messaging started');
        return;
      } catch (err) {
        const delay = backoffDelay(attempt, { initialMs: 500, maxMs: 30_000, jitter: 0.2 });
        this.log.warn({ err, retryInMs: delay }, 'bus not reachable; outbox writes wait for it');
        await sleep(delay, undefined, { signal: this.stopped.signal }).catch(() => undefined);
      }
    }
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  consumerDeps(): ConsumerDeps {
    const { ds, kafka, producer, admin, topics, config } = this;
    return { ds, kafka, producer, admin, topics, config };
  }

  /** The transport for `app.connectMicroservice({ strategy })`; the group defaults to the service. */
  transport(groupId = this.service, onCrash?: (error: Error) => void): KafkaEventTransport {
    const transport = new KafkaEventTransport(this.consumerDeps(), groupId, onCrash);
    this.transports.push(transport);
    return transport;
  }

  /** Each consumer group's state and lag, for /health and the tests that wait for consumers. */
  consumers(): ConsumerStatus[] {
    return this.transports.map((t) => t.consumerStatus()).filter((s): s is ConsumerStatus => s !== null);
  }

  /** Readiness: the cluster answers within a short deadline. */
  kafkaAnswers(timeoutMs = 2_000): Promise<boolean> {
    return finishedWithin(this.admin.describeCluster(), timeoutMs).catch(() => false);
  }
}
