import {
  CloudEvent,
  createEvent,
  EventContract,
  MerchantProviderProfile,
  ProviderProfileV1,
  RequestCreated,
  RequestCreatedV1,
  toKafkaRecord,
  TOPICS,
  VolunteerProviderProfile,
} from '@bangbang/contracts';
import {
  createTestDatabase,
  serviceEnv,
  startTestApp,
  TestDatabase,
  TestIssuer,
  TestPrincipal,
  testKafka,
  uniqueId,
  waitFor,
} from '@bangbang/testing';
import { ensureTopics, MessagingConfig } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Consumer, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { dispatchService } from '../src/dispatch.service-definition';

export const COMMUNITY = '/nanchang/jinxing/jincheng/';
export const NEIGHBOUR = '/nanchang/jinxing/huaigu/';
export const OTHER_STREET = '/nanchang/yangming/qingyun/';

export const staff = (role = 'agent', orgPath = '/nanchang/'): TestPrincipal => ({
  id: `staff-${role}`,
  kind: 'staff',
  role,
  org: orgPath.split('/').at(-2)!,
  orgPath,
});

export const providerPrincipal = (id: string, kind: 'merchant' | 'volunteer' = 'merchant'): TestPrincipal => ({
  id,
  kind,
  role: kind,
  org: 'jincheng',
  orgPath: COMMUNITY,
});

export function profile(providerId: string, over: Partial<ProviderProfileV1> = {}): ProviderProfileV1 {
  return {
    providerId,
    providerKind: 'merchant',
    displayName: `Provider ${providerId}`,
    active: true,
    categories: ['plumbing'],
    coverage: [COMMUNITY],
    availability: { always: true, windows: [] },
    pausedUntil: null,
    maxConcurrentJobs: 5,
    takesFreeJobs: true,
    version: 1,
    ...over,
  };
}

export function request(over: Partial<RequestCreatedV1> = {}): RequestCreatedV1 {
  const now = Date.now();
  return {
    requestId: randomUUID(),
    number: `R-${randomUUID().slice(0, 8)}`,
    communityId: 'jincheng',
    orgPath: COMMUNITY,
    categoryCode: 'plumbing',
    kind: 'home_service',
    urgency: 'general',
    feePolicy: 'low_cost',
    responseDueAt: new Date(now + 24 * 3_600_000).toISOString(),
    resolutionDueAt: new Date(now + 7 * 24 * 3_600_000).toISOString(),
    receivedAt: new Date(now).toISOString(),
    ...over,
  };
}

/**
 * One test file's dispatch world: its own database and topic prefix, a token issuer, a producer
 * standing in for the other services, and any number of dispatch instances.
 */
export class DispatchHarness {
  readonly apps: NestFastifyApplication[] = [];
  private constructor(
    readonly db: TestDatabase,
    readonly issuer: TestIssuer,
    readonly prefix: string,
    readonly pg: Client,
    private readonly producer: Producer,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  static async start(extraEnv: NodeJS.ProcessEnv = {}): Promise<DispatchHarness> {
    const [db, issuer] = await Promise.all([createTestDatabase(), TestIssuer.start()]);
    const prefix = `${uniqueId('t')}.`;
    const env = serviceEnv(db, prefix, { ...issuer.env(), DISPATCH_CLOCK_SCAN_MS: '100', ...extraEnv });
    // The topics exist before anything is produced, whether or not an instance is up yet.
    const admin = testKafka().admin();
    await admin.connect();
    await ensureTopics(admin, Object.values(TOPICS).map((t) => `${prefix}${t}`), loadConfig(MessagingConfig, env));
    await admin.disconnect();
    const producer = testKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    return new DispatchHarness(db, issuer, prefix, pg, producer, env);
  }

  async instance(extraEnv: NodeJS.ProcessEnv = {}): Promise<NestFastifyApplication> {
    const app = await startTestApp(dispatchService, { ...this.env, ...extraEnv });
    this.apps.push(app);
    return app;
  }

  get app(): NestFastifyApplication {
    return this.apps[0];
  }

  /** Every dispatch event on the bus, in arrival order, from a probe that reads the topic from its start. */
  readonly published: Array<{ type: string; key: string; data: Record<string, unknown> }> = [];
  private probe?: Consumer;

  async watchPublished(): Promise<void> {
    this.probe = testKafka().consumer({ groupId: `probe-${randomUUID()}` });
    await this.probe.connect();
    await this.probe.subscribe({ topic: `${this.prefix}${TOPICS.dispatch}`, fromBeginning: true });
    await this.probe.run({
      eachMessage: async ({ message }) => {
        this.published.push({
          type: message.headers!.ce_type!.toString(),
          key: message.key!.toString(),
          data: JSON.parse(message.value!.toString()),
        });
      },
    });
  }

  /** The dispatch events about one job, once `until` holds for them. */
  async publishedFor(requestId: string, until: (types: string[]) => boolean, what: string) {
    return waitFor(
      async () => {
        const mine = this.published.filter((e) => e.key === requestId);
        return until(mine.map((e) => e.type.replace(/^bangbang\.dispatch\.|\.v1$/g, ''))) && mine;
      },
      { what },
    );
  }

  async stop(): Promise<void> {
    await this.probe?.disconnect();
    await Promise.all(this.apps.map((a) => a.close()));
    await this.producer.disconnect();
    await this.pg.end();
    await this.issuer.close();
    await this.db.drop();
  }

  async produce<T extends object>(contract: EventContract<T>, items: Array<{ subject: string; data: T }>): Promise<CloudEvent<T>[]> {
    const events = items.map(({ subject, data }) => createEvent(contract.source, { type: contract.type, subject, data }));
    for (let i = 0; i < events.length; i += 500) {
      const messages = events.slice(i, i + 500).map((e) => toKafkaRecord(e as CloudEvent));
      await this.producer.send({ topic: `${this.prefix}${contract.topic}`, acks: -1, messages });
    }
    return events;
  }

  /** Waits until dispatch has applied the event (its inbox row committed with the effects). */
  async applied(event: CloudEvent<unknown>): Promise<void> {
    await waitFor(async () => (await this.rows('SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).length > 0, {
      what: `event ${event.type} applied`,
    });
  }

  /** Publishes the providers' profiles and waits until dispatch holds each of them. */
  async providers(...profiles: ProviderProfileV1[]): Promise<void> {
    for (const kind of ['merchant', 'volunteer'] as const) {
      const mine = profiles.filter((p) => (p.providerKind === 'volunteer') === (kind === 'volunteer'));
      if (!mine.length) continue;
      await this.produce(kind === 'volunteer' ? VolunteerProviderProfile : MerchantProviderProfile, mine.map((p) => ({ subject: p.providerId, data: p })));
    }
    await waitFor(
      async () => {
        const { rows } = await this.pg.query('SELECT provider_id, version FROM dispatch_provider WHERE provider_id = ANY($1)', [profiles.map((p) => p.providerId)]);
        return profiles.every((p) => rows.some((r) => r.provider_id === p.providerId && r.version >= p.version));
      },
      { what: 'the provider view' },
    );
  }

  async requests(...created: RequestCreatedV1[]): Promise<void> {
    await this.produce(RequestCreated, created.map((r) => ({ subject: r.requestId, data: r })));
  }

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pg.query(sql, params)).rows as T[];
  }

  /** The job's offers, oldest first. */
  offers(requestId: string): Promise<Array<{ offer_id: string; provider_id: string; status: string; reason: string | null; offered_by: string; level: string }>> {
    return this.rows('SELECT * FROM dispatch_offer WHERE request_id = $1 ORDER BY offered_at, provider_id', [requestId]);
  }

  async waitForOffers(requestId: string, predicate: (offers: Awaited<ReturnType<DispatchHarness['offers']>>) => boolean, what: string) {
    return waitFor(async () => {
      const offers = await this.offers(requestId);
      return predicate(offers) && offers;
    }, { what });
  }

  async job(requestId: string): Promise<Record<string, unknown> | undefined> {
    return (await this.rows('SELECT * FROM dispatch_job WHERE request_id = $1', [requestId]))[0];
  }

  async as(principal: TestPrincipal, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}, app = this.app) {
    return app.inject({ method, url, payload, headers: { ...(await this.issuer.bearer(principal)), ...headers } });
  }
}
