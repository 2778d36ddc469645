import { bearerToken, CurrentPrincipal, inScope, Principal, Roles } from '@bangbang/auth';
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { CallRang } from '@bangbang/contracts';
import { LiveCall } from './live-call.dto';
import { LiveHub, LiveItem } from './live-hub';

const HEARTBEAT_MS = 15_000;
const RECONNECT_MS = 2_000;

/**
 * Staff see the changes in their scope; a volunteer sees only the facts about their own offers and
 * jobs. Calls are for staff: the screen pop (with the caller's card) only for the agent it rang for,
 * the rest (answered, ended, callbacks) for everyone in scope, so the others' pops close.
 */
const concerns = (principal: Principal, item: LiveItem): boolean => {
  if (item.event === 'change') {
    return principal.role === 'volunteer' ? item.data.providerId === principal.id : inScope(principal, item.data.orgPath);
  }
  if (principal.role === 'volunteer') return false;
  if (item.data.type === CallRang.type) return item.data.agentId === principal.id;
  return inScope(principal, item.data.orgPath);
};

/**
 * `GET /live/events`: a server-sent event stream of request and dispatch changes in the caller's
 * scope, or, for a volunteer's app, of the volunteer's own offers and jobs. Read with fetch (EventSource cannot send the bearer token). The stream ends when the
 * token does, so a revoked or expired sign-in stops receiving; the console reconnects with its
 * refreshed token. Each connection first says `ready` once the gateway is listening to the bus,
 * and the console then refetches, so nothing missed while disconnected stays missed.
 */
@Controller('live')
@ApiExtraModels(LiveCall)
export class LiveController {
  constructor(private readonly hub: LiveHub) {}

  @Get('events')
  @Roles('agent', 'community_admin', 'street_admin', 'district_admin', 'volunteer')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Events `ready`, then `change` (a LiveChange as JSON) and `call` (a LiveCall as JSON: the screen pop and what follows it), and `: ping` comments.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  async events(@CurrentPrincipal() principal: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const exp = decodeJwt(bearerToken(req.headers.authorization) ?? '').exp;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: ${RECONNECT_MS}\n\n`);
    const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const unsubscribe = this.hub.subscribe(
      (item: LiveItem) => {
        if (concerns(principal, item)) send(item.event, item.data);
      },
      () => raw.end(),
    );
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
    const expiry = exp ? setTimeout(() => raw.end(), Math.max(0, exp * 1_000 - Date.now())) : undefined;
    raw.on('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(expiry);
    });
    await this.hub.ready;
    if (!raw.writableEnded) send('ready', { at: new Date().toISOString() });
  }
}
