import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { actorOf, DESK_ROLES, READER_ROLES } from '../access';
import { idempotencyKey, markReplayed, ReplyHeaders } from '../idempotency/idempotency-key';
import { SignOffLimitReached } from '../sign-off/sign-off-codes';
import { IntakeService } from './intake.service';
import { CancelDto, CreateRequestDto, FollowUpDto, ListRequestsQuery, ReopenDto, SignOffDto } from './request.dto';
import { RequestView } from './request-view';
import { RequestsService } from './requests.service';

@Controller('requests')
export class RequestsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly requests: RequestsService,
  ) {}

  /** Intake by an agent; retried safely with the same `Idempotency-Key`. */
  @Post()
  @Roles(...DESK_ROLES)
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<RequestView> {
    const { view, replayed } = await this.intake.create(dto, {
      actor: actorOf(p),
      scopeOrgPath: p.orgPath,
      channel: 'hotline',
      idempotencyKey: idempotencyKey(key),
    });
    markReplayed(reply, replayed);
    return view;
  }

  @Get()
  @Roles(...READER_ROLES)
  list(@CurrentPrincipal() p: Principal, @Query() q: ListRequestsQuery): Promise<RequestView[]> {
    return this.requests.list(p, q);
  }

  @Get(':id')
  @Roles(...READER_ROLES, 'merchant', 'volunteer')
  get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<RequestView> {
    return this.requests.get(p, id);
  }

  /** For the assigned provider's visit: the full address and a number, audited. */
  @Get(':id/contact')
  @Roles('merchant', 'volunteer')
  contact(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Req() req: AuthenticatedRequest) {
    return this.requests.contactForVisit(p, id, auditOrigin(req));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...DESK_ROLES)
  cancel(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CancelDto,
    @Req() req: AuthenticatedRequest,
  ) {
    return this.requests.cancel(p, id, dto, auditOrigin(req));
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(...DESK_ROLES)
  reopen(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReopenDto,
    @Req() req: AuthenticatedRequest,
  ) {
    return this.requests.reopen(p, id, dto, auditOrigin(req));
  }

  /** Sign-off confirmed by the resident on the agent's follow-up call. */
  @Post(':id/follow-up')
  @HttpCode(200)
  @Roles(...DESK_ROLES)
  followUp(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: FollowUpDto,
    @Req() req: AuthenticatedRequest,
  ) {
    return this.requests.followUp(p, id, dto, auditOrigin(req));
  }

  /** The assigned provider hands in the resident's one-time code. */
  @Post(':id/sign-off')
  @HttpCode(200)
  @Roles('merchant', 'volunteer')
  signOff(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: SignOffDto,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<RequestView> {
    return withRetryAfter(reply, this.requests.signOffWithCode(p, id, dto));
  }

  /** A new code for the resident; at most MAX_CODES_SENT a day, none once wrong tries are used up. */
  @Post(':id/sign-off-code')
  @HttpCode(202)
  @Roles(...DESK_ROLES, 'merchant', 'volunteer')
  resendCode(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ) {
    return withRetryAfter(reply, this.requests.resendCode(p, id));
  }
}

/** A refusal for a sign-off limit says when to try again, as well as why. */
async function withRetryAfter<T>(reply: ReplyHeaders, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof SignOffLimitReached) {
      reply.header('retry-after', String(Math.max(1, Math.ceil((err.until.getTime() - Date.now()) / 1_000))));
    }
    throw err;
  }
}
