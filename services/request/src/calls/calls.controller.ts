import { CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DESK_ROLES, READER_ROLES } from '../access';
import { figuresCsv } from './call-figures';
import { CallbackView, CallDetailView, CallView, DoneCallbackDto, FiguresQuery, ListCallbacksQuery, ListCallsQuery } from './calls.dto';
import { CallbacksService } from './callbacks.service';
import { CallFiguresView, CallsService } from './calls.service';

@Controller('calls')
@ApiExtraModels(CallFiguresView)
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  /** The call log, newest first. */
  @Get()
  @Roles(...READER_ROLES)
  list(@CurrentPrincipal() p: Principal, @Query() q: ListCallsQuery): Promise<CallView[]> {
    return this.calls.list(p, q);
  }

  /** Answer rate, abandoned rate, waits, handling, calls per agent-hour, callbacks on time; `format=csv` for a spreadsheet. */
  @Get('figures')
  @Roles(...READER_ROLES)
  @Header('cache-control', 'no-store')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'The figures; with format=csv, one line per period and group, then the total, as an attachment.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(CallFiguresView) } }, 'text/csv': { schema: { type: 'string' } } },
  })
  async figures(
    @CurrentPrincipal() p: Principal,
    @Query() q: FiguresQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CallFiguresView | string> {
    const result = await this.calls.figures(p, q);
    if (q.format !== 'csv') return result;
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="call-figures-${result.from.slice(0, 10)}-${q.bucket}-${q.by}.csv"`);
    return figuresCsv(result);
  }

  /** One call: its timeline and the requests taken during it. */
  @Get(':id')
  @Roles(...READER_ROLES)
  get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<CallDetailView> {
    return this.calls.get(p, id);
  }
}

@Controller('callbacks')
export class CallbacksController {
  constructor(private readonly callbacks: CallbacksService) {}

  @Get()
  @Roles(...READER_ROLES)
  list(@CurrentPrincipal() p: Principal, @Query() q: ListCallbacksQuery): Promise<CallbackView[]> {
    return this.callbacks.list(p, q);
  }

  @Post(':id/done')
  @HttpCode(200)
  @Roles(...DESK_ROLES)
  done(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DoneCallbackDto,
  ): Promise<CallbackView> {
    return this.callbacks.done(p, id, dto);
  }
}
