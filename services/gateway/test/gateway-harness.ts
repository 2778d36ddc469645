import { startTestApp, TestDatabase, TestWorld } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { DEMO_LOGINS, seedDemo } from '../../../deploy/seed/demo';
import { gatewayService } from '../src/gateway.service-definition';

export type DemoUser = 'district.admin' | 'jinxing.admin' | 'jincheng.admin' | 'hotline.agent' | 'district.auditor';

export interface TestGateway {
  app: NestFastifyApplication;
  ds: DataSource;
  db: TestDatabase;
  prefix: string;
  /** Signs in one of the demo users and returns their access token. */
  token(username: DemoUser | string, password?: string): Promise<string>;
  /** Another instance of this gateway: the same database and topics (closed by `stop`). */
  another(extraEnv?: NodeJS.ProcessEnv): Promise<NestFastifyApplication>;
  stop(): Promise<void>;
}

export const passwordOf = (username: string): string =>
  DEMO_LOGINS.find((l) => l.username === username)?.password ?? `pw-${username}-0123456789`;

/** A gateway on its own database and topic prefix, with the demo district seeded. */
const GENEROUS_LIMITS = { RATE_LIMIT_PUBLIC_BURST: '10000', RATE_LIMIT_USER_BURST: '10000', RATE_LIMIT_API_KEY_BURST: '10000' };

export async function startGateway(extraEnv: NodeJS.ProcessEnv = {}): Promise<TestGateway> {
  // The gateway issues its own tokens.
  const world = await TestWorld.start({ issuer: false });
  const { db, prefix } = world;
  const app = await startTestApp(gatewayService, world.env({ ...GENEROUS_LIMITS, ...extraEnv }));
  const ds = app.get(DataSource);
  await seedDemo(ds);
  const tokens = new Map<string, string>();
  const others: NestFastifyApplication[] = [];
  return {
    app,
    ds,
    db,
    prefix,
    async token(username, password = passwordOf(username)) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
      const token = res.json().accessToken as string;
      tokens.set(username, token);
      return token;
    },
    async another(env = {}) {
      const other = await startTestApp(gatewayService, world.env({ ...GENEROUS_LIMITS, ...extraEnv, ...env }));
      others.push(other);
      return other;
    },
    async stop() {
      for (const other of others) await other.close();
      await app.close();
      await world.stop();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
