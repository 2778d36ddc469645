import { getLogger, loadConfig } from '@bangbang/observability';
import { Admin, Kafka, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ConsumerDeps } from './event-consumer';
import { createKafka, ensureTopics, TopicNames } from './kafka';
import { KafkaEventTransport } from './kafka-event.transport';
import { MessagingConfig } from './messaging.config';
import { OutboxRelay, RelayHooks } from './outbox.relay';

/** A service's connection to the bus: one producer, the outbox relay and the consumer transports. */
export class Messaging {
  readonly config: MessagingConfig;
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly admin: Admin;
  readonly topics: TopicNames;
  readonly relay: OutboxRelay;
  private readonly log = getLogger('messaging');

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
    this.topics = new TopicNames(this.config.KAFKA_TOPIC_PREFIX);
    this.relay = new OutboxRelay(ds, this.producer, this.admin, this.topics, this.config, options.relayHooks);
  }

  async start(producedTopics: string[] = []): Promise<void> {
    await Promise.all([this.producer.connect(), this.admin.connect()]);
    await ensureTopics(this.admin, producedTopics.map((t) => this.topics.physical(t)), this.config);
    await this.relay.start();
    this.log.info({ brokers: this.config.KAFKA_BROKERS }, 'messaging started');
  }

  async stop(): Promise<void> {
    await this.relay.stop();
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  consumerDeps(): ConsumerDeps {
    const { ds, kafka, producer, admin, topics, config } = this;
    return { ds, kafka, producer, admin, topics, config };
  }

  /** The transport for `app.connectMicroservice({ strategy })`; the group defaults to the service. */
  transport(groupId = this.service, onCrash?: (error: Error) => void): KafkaEventTransport {
    return new KafkaEventTransport(this.consumerDeps(), groupId, onCrash);
  }

  /** Readiness: the cluster answers within a short deadline. */
  async kafkaAnswers(timeoutMs = 2_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      });
      await Promise.race([this.admin.describeCluster(), timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
