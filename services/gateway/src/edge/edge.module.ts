import { Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { installConsole } from '../console/console';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-tokens';
import { IdentityModule } from '../identity/identity.module';
import { ApiKeyEventsHandler } from './api-key-events.handler';
import { ApiKeys } from './api-keys';
import { installDocs } from './docs';
import { LimitsSweeper } from './limits-sweeper';
import { EdgeGate } from './edge-gate';
import { installOpenApi } from './openapi';
import { installProxy } from './proxy';

/** Puts the edge (gate, proxy, merged OpenAPI, docs, the console) on the Fastify instance under Nest's routes. */
@Injectable()
class EdgeInstaller implements OnModuleInit {
  private installed?: Promise<void>;

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly gate: EdgeGate,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  // Init hooks run once for the HTTP app and once more for the event consumer sharing its modules.
  onModuleInit(): Promise<void> {
    return (this.installed ??= this.install());
  }

  private async install(): Promise<void> {
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', this.gate.onRequest);
    fastify.addHook('onResponse', this.gate.onResponse);
    await installProxy(fastify, this.config);
    installOpenApi(fastify, this.config);
    await installDocs(fastify);
    await installConsole(fastify, this.config.CONSOLE_DIR);
  }
}

@Module({
  imports: [IdentityModule],
  controllers: [ApiKeyEventsHandler],
  providers: [ApiKeys, EdgeGate, EdgeInstaller, LimitsSweeper],
})
export class EdgeModule {}
