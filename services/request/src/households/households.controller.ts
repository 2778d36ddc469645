import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { DESK_ROLES, READER_ROLES } from '../access';
import { idempotencyKey, markReplayed, ReplyHeaders } from '../idempotency/idempotency-key';
import { CallerQuery, CreateHouseholdDto, HouseholdReadQuery, ResidentDto, VerifyHouseholdDto } from './household.dto';
import { HouseholdsService, HouseholdView } from './households.service';

@Controller()
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  /** Retried safely with the same `Idempotency-Key`. */
  @Post('households')
  @Roles(...DESK_ROLES)
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateHouseholdDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<HouseholdView> {
    const { answer, replayed } = await this.households.create(p, dto, idempotencyKey(key), auditOrigin(req));
    markReplayed(reply, replayed);
    return answer;
  }

  @Post('households/:id/residents')
  @Roles(...DESK_ROLES)
  addResident(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ResidentDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<HouseholdView> {
    return this.households.addResident(p, id, dto, auditOrigin(req));
  }

  @Get('households/provisional')
  @Roles(...READER_ROLES)
  provisional(@CurrentPrincipal() p: Principal): Promise<HouseholdView[]> {
    return this.households.provisional(p);
  }

  /** Confirm (or correct) a household made from a report; its requests stop showing as provisional. */
  @Post('households/:id/verify')
  @HttpCode(200)
  @Roles(...DESK_ROLES)
  verify(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: VerifyHouseholdDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<HouseholdView> {
    return this.households.verify(p, id, dto, auditOrigin(req));
  }

  @Get('households/:id')
  @Roles(...READER_ROLES)
  get(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() read: HouseholdReadQuery,
    @Req() req: AuthenticatedRequest,
  ): Promise<HouseholdView> {
    return this.households.get(p, id, read, auditOrigin(req));
  }

  /** Caller lookup: `?phone=13812345678` (any common spelling) or `?suffix=5678`. */
  @Get('callers')
  @Roles(...DESK_ROLES)
  lookup(@CurrentPrincipal() p: Principal, @Query() query: CallerQuery, @Req() req: AuthenticatedRequest): Promise<HouseholdView[]> {
    return this.households.lookup(p, query, auditOrigin(req));
  }
}
