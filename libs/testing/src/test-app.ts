import { createServiceApp, ServiceDefinition } from '@bangbang/platform';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Boots a service in this process with its real database and broker: consumers started, HTTP
 * reachable through `inject`. A consumer crash fails the test instead of exiting the worker.
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
  return app;
}
