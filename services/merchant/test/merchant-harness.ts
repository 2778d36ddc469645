import { EventContract, JobOfferedV1 } from '@bangbang/contracts';
import { startTestApp, TestDatabase, TestIssuer, TestPrincipal, TestWorld } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { merchantService } from '../src/merchant.service-definition';

export const JINCHENG = '/nanchang/jinxing/jincheng/';

/** A free utilities job offered to the unit in Jincheng, open for ten minutes. */
export const offer = (unitId: string, extra: Partial<JobOfferedV1> = {}): JobOfferedV1 => ({
  offerId: randomUUID(),
  requestId: randomUUID(),
  orgPath: JINCHENG,
  categoryCode: 'water-electric-repair',
  at: new Date().toISOString(),
  providerId: unitId,
  providerKind: 'merchant',
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  feePolicy: 'free',
  urgency: 'utilities',
  ...extra,
});
export const STREET_ADMIN: TestPrincipal = {
  id: 'admin-jinxing',
  kind: 'staff',
  role: 'street_admin',
  org: 'jinxing',
  orgPath: '/nanchang/jinxing/',
};
export const OTHER_STREET_ADMIN: TestPrincipal = {
  id: 'admin-yinxiu',
  kind: 'staff',
  role: 'street_admin',
  org: 'yinxiu',
  orgPath: '/nanchang/yinxiu/',
};
/** A unit's token as the gateway mints it for an API key; by default a key with both scopes. */
export const merchant = (
  unitId: string,
  orgPath = JINCHENG,
  key: Pick<TestPrincipal, 'credential' | 'scopes'> = { scopes: ['jobs', 'manage'] },
): TestPrincipal => ({
  id: unitId,
  kind: 'merchant',
  role: 'merchant',
  org: orgPath.split('/').at(-2)!,
  orgPath,
  ...key,
});

/** Local-test settings: http to loopback allowed, and the retry schedule run a thousand times faster. */
export const FAST_WEBHOOKS = {
  WEBHOOK_ALLOW_LOCAL_HTTP: 'true',
  WEBHOOK_SCHEDULE_SCALE: '0.001',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_TIMEOUT_MS: '2000',
};

export interface MerchantHarness {
  app: NestFastifyApplication;
  ds: DataSource;
  db: TestDatabase;
  prefix: string;
  env: NodeJS.ProcessEnv;
  issuer: TestIssuer;
  /** A unit applied for, verified and activated by the Jinxing street admin, with one offering. */
  activeUnit(name?: string): Promise<string>;
  call(
    principal: TestPrincipal,
    method: string,
    url: string,
    payload?: object,
    headers?: Record<string, string>,
  ): ReturnType<NestFastifyApplication['inject']>;
  /** Produces another service's fact straight to Kafka, as its relay would. */
  produce<T extends object>(contract: EventContract<T>, subject: string, data: T): Promise<string>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const serviceHours = { always: false, windows: [1, 2, 3, 4, 5, 6].map((day) => ({ day, from: '08:00', to: '20:00' })) };

export async function startMerchant(extraEnv: NodeJS.ProcessEnv = {}): Promise<MerchantHarness> {
  const world = await TestWorld.start();
  const env = world.env({ ...FAST_WEBHOOKS, ...extraEnv });
  const h: MerchantHarness = {
    app: await startTestApp(merchantService, env),
    ds: undefined as unknown as DataSource,
    db: world.db,
    prefix: world.prefix,
    env,
    issuer: world.issuer,
    call(principal, method, url, payload, headers = {}) {
      return world.inject(h.app, principal, method as 'GET', url, payload, headers);
    },
    async activeUnit(name = 'Jincheng Plumbing') {
      const created = await h.call(STREET_ADMIN, 'POST', '/units', {
        orgPath: JINCHENG,
        kind: 'merchant',
        legalName: `${name} Ltd`,
        displayName: name,
        licenceNo: `91320200${Math.floor(Math.random() * 1e8)}`,
        contactName: '王师傅',
        contactPhone: '13812345678',
        serviceHours,
        maxConcurrentJobs: 3,
        takesFreeJobs: true,
        reason: 'applied at the community office',
      });
      if (created.statusCode !== 201) throw new Error(`apply failed: ${created.body}`);
      const { id } = created.json();
      for (const to of ['verified', 'active']) {
        const moved = await h.call(STREET_ADMIN, 'POST', `/units/${id}/status`, { to, reason: `${to} after the site visit` });
        if (moved.statusCode !== 201) throw new Error(`move to ${to} failed: ${moved.body}`);
      }
      // Put by the admin, so it counts at once (a unit's own new category waits for review).
      await h.call(STREET_ADMIN, 'PUT', `/units/${id}/offerings/water-electric-repair`, {
        description: 'taps, pipes, sockets',
        priceMinFen: 2_000,
        priceMaxFen: 8_000,
      });
      return id;
    },
    async produce(contract, subject, data) {
      const [event] = await world.producer.produce(contract, [{ subject, data }]);
      return event.id;
    },
    async restart() {
      await h.app.close();
      h.app = await startTestApp(merchantService, env);
      h.ds = h.app.get(DataSource);
    },
    async stop() {
      await h.app?.close();
      await world.stop();
    },
  };
  h.ds = h.app.get(DataSource);
  return h;
}
