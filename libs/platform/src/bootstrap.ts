import { Messaging, RethrowEventErrorsFilter } from '@bangbang/messaging';
import { getLogger, loadConfig, NestPinoLogger, rootLogger } from '@bangbang/observability';
import { DynamicModule } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestMicroservice } from '@nestjs/microservices';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { HttpConfig, trustProxy } from './http.config';
import { installHttpObservability } from './http-observability';
import { InputRulesInterceptor } from './input-rules.interceptor';
import { OpenApiMetadata, serveOpenApi } from './openapi';
import { HttpErrorsFilter, UnexpectedErrorsInterceptor } from './unexpected-errors';
import { StrictValidationPipe } from './validation.pipe';

export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  module: (env: NodeJS.ProcessEnv) => DynamicModule;
  /** Whether the service has `@EventPattern` handlers and so joins a consumer group. */
  consumesEvents: boolean;
  /** Where the service serves its own OpenAPI document; the gateway moves its own aside. */
  openApiPath?: string;
  /** The service's generated openapi.metadata.ts, which gives its document the request and response bodies. */
  openApiMetadata?: OpenApiMetadata;
}

export interface ServiceOptions {
  env?: NodeJS.ProcessEnv;
  /** Replaces the exit-on-crash default, for tests that run consumers in-process. */
  onConsumerCrash?: (error: Error) => void;
}

export async function createServiceApp(def: ServiceDefinition, options: ServiceOptions = {}): Promise<NestFastifyApplication> {
  const env = options.env ?? process.env;
  const http = loadConfig(HttpConfig, env);
  rootLogger(def.name).level = http.LOG_LEVEL;
  const adapter = new FastifyAdapter({
    bodyLimit: http.BODY_LIMIT_BYTES,
    requestTimeout: http.REQUEST_TIMEOUT_MS,
    return503OnClosing: true,
    trustProxy: trustProxy(http.TRUST_PROXY),
  });
  const app = await NestFactory.create<NestFastifyApplication>(def.module(env), adapter, {
    logger: new NestPinoLogger(),
  });
  installHttpObservability(app.getHttpAdapter().getInstance());
  serveOpenApi(app, def.name, def.openApiPath, def.openApiMetadata);
  // Outermost first: an unexpected error anywhere below is reported and made a generic 500; the
  // input rules come before any feature's interceptor, pipe or handler reads the request.
  app.useGlobalInterceptors(new UnexpectedErrorsInterceptor(), new InputRulesInterceptor(app.get(Reflector)));
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new HttpErrorsFilter(app.getHttpAdapter()));
  app.enableShutdownHooks();
  if (def.consumesEvents) {
    // Its own config: the HTTP pipes and filters do not apply to events, which are validated
    // against their contract by the consumer instead.
    const consumer = app.connectMicroservice(
      { strategy: app.get(Messaging).transport(def.name, options.onConsumerCrash) },
      { deferInitialization: true },
    );
    consumer.useGlobalFilters(new RethrowEventErrorsFilter());
    // Deferred only so that filter is in place when the listeners are built. The lifecycle hooks are
    // the application's: run once by app.init(), not again when the consumer starts (a second
    // onApplicationBootstrap would start every loop and timer twice and leak one of each).
    (consumer as NestMicroservice).setIsInitHookCalled(true);
  }
  return app;
}

/**
 * Starts the service: lifecycle hooks (database, loops), consumers, HTTP. None of it waits for Kafka:
 * the bus connects and the consumers join in the background, so intake answers as soon as the
 * database does, even while a dead instance's session still holds the group's partitions.
 */
export async function startService(app: NestFastifyApplication, def: ServiceDefinition, env = process.env): Promise<string> {
  const http = loadConfig(HttpConfig, env);
  await app.init();
  await app.startAllMicroservices();
  await app.listen({ port: http.PORT || def.defaultPort, host: http.HOST });
  const url = await app.getUrl();
  getLogger('bootstrap').info({ url }, `${def.name} listening`);
  return url;
}

export async function runService(def: ServiceDefinition): Promise<void> {
  try {
    const app = await createServiceApp(def);
    await startService(app, def);
  } catch (err) {
    getLogger('bootstrap').fatal({ err }, `${def.name} failed to start`);
    process.exit(1);
  }
}
