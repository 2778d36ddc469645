import { AuthenticatedRequest, AuthModule, CurrentPrincipal, Principal } from '@bangbang/auth';
import { serveOpenApi } from '@bangbang/platform';
import { Body, Controller, Get, Module, Param, Post, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { createRemoteJWKSet, JWTVerifyGetKey } from 'jose';
import { setTimeout as delay } from 'node:timers/promises';

export interface Echo {
  principal: Principal;
  headers: Record<string, string | string[] | undefined>;
  /** The path and query as the upstream received them. */
  url: string;
  body?: unknown;
  id?: string;
}

type Received = AuthenticatedRequest & { url: string };

/** A stand-in domain service: verifies tokens against the gateway's JWKS with libs/auth, echoes what it got. */
@Controller()
class EchoController {
  @Get('echo')
  get(@CurrentPrincipal() principal: Principal, @Req() req: Received): Echo {
    return { principal, headers: req.headers, url: req.url };
  }

  @Get('echo/:id')
  getOne(@CurrentPrincipal() principal: Principal, @Req() req: Received, @Param('id') id: string): Echo {
    return { principal, headers: req.headers, url: req.url, id };
  }

  @Post('echo')
  post(@CurrentPrincipal() principal: Principal, @Req() req: Received, @Body() body: unknown): Echo {
    return { principal, headers: req.headers, url: req.url, body };
  }

  @Get('slow')
  async slow(): Promise<string> {
    await delay(1_500);
    return 'late';
  }
}

export interface EchoUpstream {
  app: NestFastifyApplication;
  url: string;
  /** The gateway's address is known only once it listens, after the upstream has started. */
  trustGateway(jwksUrl: string): void;
}

export async function startEchoUpstream(): Promise<EchoUpstream> {
  let remote: JWTVerifyGetKey | undefined;
  const keySource = { useFactory: (): JWTVerifyGetKey => (header, token) => remote!(header, token) };
  @Module({ imports: [AuthModule.forService({}, { keySource })], controllers: [EchoController] })
  class EchoModule {}
  const app = await NestFactory.create<NestFastifyApplication>(EchoModule, new FastifyAdapter(), { logger: false });
  serveOpenApi(app, 'echo');
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: await app.getUrl(), trustGateway: (jwksUrl) => (remote = createRemoteJWKSet(new URL(jwksUrl))) };
}
