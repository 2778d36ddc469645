import { createTestDatabase, freePort, serviceEnv, startTestApp, TestDatabase } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dispatchService } from '../../dispatch/src/dispatch.service-definition';
import { merchantService } from '../../merchant/src/merchant.service-definition';
import { FAST_WEBHOOKS } from '../../merchant/test/merchant-harness';
import { ratingService } from '../../rating/src/rating.service-definition';
import { requestService } from '../../request/src/request.service-definition';
import { FakeSmsGateway } from '../../request/test/sms-gateway';
import { volunteerService } from '../../volunteer/src/volunteer.service-definition';
import { startGateway, TestGateway } from './gateway-harness';

export { freePort };

export interface Reply {
  status: number;
  body: any;
}

export type Headers = Record<string, string>;

/**
 * The demo district as it runs in production, in this process: the gateway with the seeded org tree
 * and logins, and the five domain services, each on its own database and loopback port, sharing one
 * topic prefix, proxied by the gateway and trusting its JWKS. Residents' texts go to a fake SMS gateway.
 */
export class District {
  readonly sms = new FakeSmsGateway();
  private readonly apps = new Map<string, NestFastifyApplication>();
  private readonly dbs: TestDatabase[] = [];
  private gw?: TestGateway;
  gatewayUrl = '';

  /**
   * `env` adds to or overrides a service's environment: the gateway's (the console to serve, a shorter token life) or another's (another SMS gateway).
   * `residentsSite`: the texted rating links open the residents' site (/m/rate/…) rather than the rating service's plain page.
   */
  static async start(
    env: Partial<Record<'gateway' | 'request' | 'dispatch' | 'merchant' | 'volunteer' | 'rating', NodeJS.ProcessEnv>> = {},
    options: { residentsSite?: boolean } = {},
  ): Promise<District> {
    const d = new District();
    await d.boot(env, options.residentsSite ?? false);
    return d;
  }

  private async boot(
    env: Partial<Record<'gateway' | 'request' | 'dispatch' | 'merchant' | 'volunteer' | 'rating', NodeJS.ProcessEnv>>,
    residentsSite: boolean,
  ): Promise<void> {
    const services = {
      request: requestService,
      dispatch: dispatchService,
      merchant: merchantService,
      volunteer: volunteerService,
      rating: ratingService,
    };
    const names = Object.keys(services) as Array<keyof typeof services>;
    const ports = Object.fromEntries(await Promise.all(['gateway', ...names].map(async (n) => [n, await freePort()] as const)));
    const url = (name: string) => `http://127.0.0.1:${ports[name]}`;
    const prefix = `e2e_${randomUUID().slice(0, 8)}.`;
    this.gatewayUrl = url('gateway');
    this.sms.up = true;
    const extra: Record<keyof typeof services, NodeJS.ProcessEnv> = {
      request: {
        SMS_GATEWAY_URL: await this.sms.start(),
        NOTIFY_POLL_MS: '50',
        RATING_LINK_BASE_URL: residentsSite ? `${this.gatewayUrl}/m` : `${this.gatewayUrl}/api/rating/public`,
        STATUS_LINK_BASE_URL: `${this.gatewayUrl}/m/status`,
      },
      dispatch: {},
      merchant: FAST_WEBHOOKS,
      volunteer: {},
      rating: {},
    };
    this.gw = await startGateway({
      KAFKA_TOPIC_PREFIX: prefix,
      ...Object.fromEntries(names.map((n) => [`${n.toUpperCase()}_URL`, url(n)])),
      ...env.gateway,
    });
    await this.gw.app.listen({ port: ports.gateway, host: '127.0.0.1' });
    const auth = { AUTH_JWKS_URL: `${this.gatewayUrl}/.well-known/jwks.json` };
    this.dbs.push(...(await Promise.all(names.map(() => createTestDatabase()))));
    await Promise.all(
      names.map(async (name, i) => {
        const app = await startTestApp(services[name], serviceEnv(this.dbs[i], prefix, { ...auth, ...extra[name], ...env[name] }));
        this.apps.set(name, app);
        await app.listen({ port: ports[name], host: '127.0.0.1' });
      }),
    );
  }

  /** Signs in a demo user through the gateway's login. */
  async login(username: string): Promise<Headers> {
    return { authorization: `Bearer ${await this.gw!.token(username)}` };
  }

  /** A call to the gateway, as any client would make it. */
  async api(method: string, path: string, headers: Headers = {}, body?: object): Promise<Reply> {
    const res = await fetch(`${this.gatewayUrl}${path}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('application/json');
    return { status: res.status, body: json && text ? JSON.parse(text) : text };
  }

  /**
   * Read-only look into a service's own database, for readiness only: nothing over HTTP shows what
   * dispatch has learnt about providers, and an offer can only go to a provider it already knows.
   */
  db(service: 'dispatch'): DataSource {
    return this.apps.get(service)!.get(DataSource);
  }

  /** The running Nest apps, the gateway's first: tests read their routes' metadata. */
  nestApps(): Record<string, NestFastifyApplication> {
    return { gateway: this.gw!.app, ...Object.fromEntries(this.apps) };
  }

  /** Every service's database, the gateway's first: the fuzz test checks a refused call changed none of them. */
  databases(): Record<string, DataSource> {
    return { gateway: this.gw!.ds, ...Object.fromEntries([...this.apps].map(([name, app]) => [name, app.get(DataSource)])) };
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apps.values()].map((app) => app.close()));
    await this.gw?.stop();
    await Promise.all(this.dbs.map((db) => db.drop()));
    await this.sms.stop();
  }
}
