import { CloudEvent, createEvent, EventContract, toKafkaRecord } from '@bangbang/contracts';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Consumer, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { subscribeWhenReady, testKafka } from './kafka-probe';
import { createTestDatabase, serviceEnv, TestDatabase, uniqueId } from './test-infra';
import { TestIssuer, TestPrincipal } from './test-issuer';

/** A topic prefix of a test file's own, so its topics and consumer groups are nobody else's. */
export const testPrefix = (): string => `${uniqueId('t')}.`;

/** Stands in for the other services on the bus: their facts straight onto this test's topics, as their relays send them. */
export class TestProducer {
  private constructor(
    private readonly prefix: string,
    private readonly producer: Producer,
  ) {}

  static async start(prefix: string): Promise<TestProducer> {
    const producer = testKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    return new TestProducer(prefix, producer);
  }

  /** Sends whole events, as they are, to the prefixed topic, in batches a broker takes. */
  async send(topic: string, events: CloudEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 500) {
      await this.producer.send({ topic: `${this.prefix}${topic}`, acks: -1, messages: events.slice(i, i + 500).map(toKafkaRecord) });
    }
  }

  /** Wraps each payload in a new event of the contract (a given id reuses an event id, as a redelivery does). */
  async produce<T extends object>(
    contract: EventContract<T>,
    items: Array<{ subject: string; data: T; id?: string }>,
  ): Promise<CloudEvent<T>[]> {
    const events = items.map(({ subject, data, id }) => createEvent(contract.source, { type: contract.type, subject, data, id }));
    await this.send(contract.topic, events as CloudEvent[]);
    return events;
  }

  async stop(): Promise<void> {
    await this.producer.disconnect();
  }
}

export interface WatchedMessage {
  type: string;
  key: string;
  data: Record<string, unknown>;
  headers: Record<string, string>;
  value: string;
}

/** Every message on some topics, in arrival order, from a probe of its own reading them from the start. */
export class TopicWatch {
  readonly messages: WatchedMessage[] = [];

  private constructor(private readonly consumer: Consumer) {}

  static async start(...topics: string[]): Promise<TopicWatch> {
    const consumer = testKafka().consumer({ groupId: `probe-${randomUUID()}` });
    await consumer.connect();
    const watch = new TopicWatch(consumer);
    await subscribeWhenReady(consumer, topics);
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = v.toString();
        const value = message.value?.toString() ?? '';
        watch.messages.push({
          type: headers.ce_type ?? '',
          key: message.key?.toString() ?? '',
          data: JSON.parse(value) as Record<string, unknown>,
          headers,
          value,
        });
      },
    });
    return watch;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

export interface TestWorldOptions {
  /** Share another world's topics (two services talking), or a chosen prefix. */
  prefix?: string;
  /** Share a token issuer; `false` for a service that issues its own tokens (the gateway). */
  issuer?: TestIssuer | false;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What one test file's service under test stands in: a throwaway database, a topic prefix of its
 * own, a token issuer, a producer playing the other services, and SQL on the database. Each
 * service's harness adds its own people, fixtures and shortcuts.
 */
export class TestWorld {
  private constructor(
    readonly db: TestDatabase,
    /** One connection of the test's own, for reads and for transactions a test drives by hand. */
    readonly pg: Client,
    readonly prefix: string,
    private readonly tokens: TestIssuer | undefined,
    private readonly ownIssuer: boolean,
    readonly producer: TestProducer,
  ) {}

  static async start(opts: TestWorldOptions = {}): Promise<TestWorld> {
    const prefix = opts.prefix ?? testPrefix();
    const [db, issuer, producer] = await Promise.all([
      createTestDatabase(),
      opts.issuer === undefined ? TestIssuer.start() : opts.issuer || undefined,
      TestProducer.start(prefix),
    ]);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    return new TestWorld(db, pg, prefix, issuer, opts.issuer === undefined, producer);
  }

  get issuer(): TestIssuer {
    if (!this.tokens) throw new Error('this test world has no token issuer');
    return this.tokens;
  }

  /** The environment a service instance runs with here: this database and prefix, tokens from this issuer. */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return serviceEnv(this.db, this.prefix, { ...this.tokens?.env(), ...extra });
  }

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pg.query(sql, params)).rows as T[];
  }

  /** An HTTP call to the app as the principal, with a token from this world's issuer. */
  async inject(
    app: NestFastifyApplication,
    principal: TestPrincipal,
    method: Method,
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) {
    return app.inject({ method, url, headers: { ...(await this.issuer.bearer(principal)), ...headers }, ...(payload ? { payload } : {}) });
  }

  /** Closes what the world opened; the apps are the harness's to close first. A shared issuer is left to its owner. */
  async stop(): Promise<void> {
    await this.producer.stop();
    await this.pg.end();
    if (this.ownIssuer) await this.tokens?.close();
    await this.db.drop();
  }
}

/** The parts of a service's harness that come from its TestWorld: database, topic prefix, issuer and SQL. */
export abstract class WorldHarness {
  protected constructor(protected readonly world: TestWorld) {}

  get db(): TestDatabase {
    return this.world.db;
  }

  get issuer(): TestIssuer {
    return this.world.issuer;
  }

  get prefix(): string {
    return this.world.prefix;
  }

  get pg(): Client {
    return this.world.pg;
  }

  rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.world.rows<T>(sql, params);
  }
}
