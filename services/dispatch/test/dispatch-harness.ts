import {
  CloudEvent,
  EventContract,
  MerchantProviderProfile,
  ProviderProfileV1,
  RequestCreated,
  RequestCreatedV1,
  TOPICS,
  VolunteerProviderProfile,
} from '@bangbang/contracts';
import { startTestApp, TestPrincipal, testKafka, TestWorld, TopicWatch, waitFor, WorldHarness } from '@bangbang/testing';
import { ensureTopics, MessagingConfig } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
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
export class DispatchHarness extends WorldHarness {
  readonly apps: NestFastifyApplication[] = [];
  private constructor(
    world: TestWorld,
    readonly env: NodeJS.ProcessEnv,
  ) {
    super(world);
  }

  static async start(extraEnv: NodeJS.ProcessEnv = {}): Promise<DispatchHarness> {
    const world = await TestWorld.start();
    const env = world.env({ DISPATCH_CLOCK_SCAN_MS: '100', ...extraEnv });
    // The topics exist before anything is produced, whether or not an instance is up yet.
    const admin = testKafka().admin();
    await admin.connect();
    await ensureTopics(
      admin,
      Object.values(TOPICS).map((t) => `${world.prefix}${t}`),
      loadConfig(MessagingConfig, env),
    );
    await admin.disconnect();
    return new DispatchHarness(world, env);
  }

  async instance(extraEnv: NodeJS.ProcessEnv = {}): Promise<NestFastifyApplication> {
    const app = await startTestApp(dispatchService, { ...this.env, ...extraEnv });
    this.apps.push(app);
    return app;
  }

  get app(): NestFastifyApplication {
    return this.apps[0];
  }

  private watch?: TopicWatch;

  /** Every dispatch event on the bus, in arrival order, from a probe that reads the topic from its start. */
  get published(): Array<{ type: string; key: string; data: Record<string, unknown> }> {
    return this.watch?.messages ?? [];
  }

  async watchPublished(): Promise<void> {
    this.watch = await TopicWatch.start(`${this.prefix}${TOPICS.dispatch}`);
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
    await this.watch?.stop();
    await Promise.all(this.apps.map((a) => a.close()));
    await this.world.stop();
  }

  async produce<T extends object>(contract: EventContract<T>, items: Array<{ subject: string; data: T }>): Promise<CloudEvent<T>[]> {
    return this.world.producer.produce(contract, items);
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
      await this.produce(
        kind === 'volunteer' ? VolunteerProviderProfile : MerchantProviderProfile,
        mine.map((p) => ({ subject: p.providerId, data: p })),
      );
    }
    await waitFor(
      async () => {
        const rows = await this.rows<{ provider_id: string; version: number }>(
          'SELECT provider_id, version FROM dispatch_provider WHERE provider_id = ANY($1)',
          [profiles.map((p) => p.providerId)],
        );
        return profiles.every((p) => rows.some((r) => r.provider_id === p.providerId && r.version >= p.version));
      },
      { what: 'the provider view' },
    );
  }

  async requests(...created: RequestCreatedV1[]): Promise<void> {
    await this.produce(
      RequestCreated,
      created.map((r) => ({ subject: r.requestId, data: r })),
    );
  }

  /** The job's offers, oldest first. */
  offers(
    requestId: string,
  ): Promise<Array<{ offer_id: string; provider_id: string; status: string; reason: string | null; offered_by: string; level: string }>> {
    return this.rows('SELECT * FROM dispatch_offer WHERE request_id = $1 ORDER BY offered_at, provider_id', [requestId]);
  }

  async waitForOffers(requestId: string, predicate: (offers: Awaited<ReturnType<DispatchHarness['offers']>>) => boolean, what: string) {
    return waitFor(
      async () => {
        const offers = await this.offers(requestId);
        return predicate(offers) && offers;
      },
      { what },
    );
  }

  async job(requestId: string): Promise<Record<string, unknown> | undefined> {
    return (await this.rows('SELECT * FROM dispatch_job WHERE request_id = $1', [requestId]))[0];
  }

  as(
    principal: TestPrincipal,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
    app = this.app,
  ) {
    return this.world.inject(app, principal, method, url, payload, headers);
  }
}
