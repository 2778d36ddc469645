import { Messaging } from '@bangbang/messaging';
import { createServiceApp, ServiceDefinition } from '@bangbang/platform';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { waitFor } from './wait-for';

/**
 * Boots a service in this process with its real database and broker: HTTP reachable through
 * `inject`, and (unlike a service in production, which serves while they join) its consumers
 * holding their partitions, so a test's events are taken at once. A consumer crash fails the test.
 */
export async function startTestApp(def: ServiceDefinition, env: NodeJS.ProcessEnv): Promise<NestFastifyApplication> {
  const app = await createServiceApp(def, {
    env,
    onConsumerCrash: (err) => {
      throw err;
    },
  });
  await app.init();
  await app.startAllMicroservices();
  await app.getHttpAdapter().getInstance().ready();
  if (def.consumesEvents) await consumersJoined(app);
  return app;
}

export async function consumersJoined(app: NestFastifyApplication, timeoutMs = 60_000): Promise<void> {
  const messaging = app.get(Messaging);
  await waitFor(async () => messaging.consumers().every((c) => c.state === 'consuming'), {
    timeoutMs,
    what: `the consumers of ${messaging.service} to join their groups`,
  });
}
