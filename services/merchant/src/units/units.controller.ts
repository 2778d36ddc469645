import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { ADMIN_READERS, ADMINS, NeedsManageScope, unitOf } from '../access';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { ReviewDto } from './review.dto';
import { CreateUnitDto, ListUnitsQuery, MoveUnitDto, PurposeQuery, UpdateOwnProfileDto, UpdateUnitDto } from './unit.dto';
import { PendingUnitView, UnitContact, UnitsService, UnitStatusChange, UnitView, viewOf } from './units.service';

/** Admins look after the units registered in their scope; anything outside it is a 404. */
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Post()
  @Roles(...ADMINS)
  async apply(@CurrentPrincipal() p: Principal, @Body() dto: CreateUnitDto, @Req() req: AuthenticatedRequest): Promise<UnitView> {
    return viewOf(await this.units.apply(p, dto, auditOrigin(req)));
  }

  @Get()
  @Roles(...ADMIN_READERS)
  async list(@CurrentPrincipal() p: Principal, @Query() q: ListUnitsQuery): Promise<UnitView[]> {
    return (await this.units.list(p, q.status)).map(viewOf);
  }

  /** Names and categories the units in scope asked for, waiting for an admin's review. */
  @Get('pending')
  @Roles(...ADMIN_READERS)
  async pending(@CurrentPrincipal() p: Principal): Promise<PendingUnitView[]> {
    return (await this.units.pending(p)).map((u) => ({ ...viewOf(u), pendingCategories: u.pendingCategories }));
  }

  @Get(':id')
  @Roles(...ADMIN_READERS)
  async get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<UnitView> {
    return viewOf(await this.units.get(p, id));
  }

  /** The contact person's phone unmasked, for a stated purpose, audited. */
  @Get(':id/contact')
  @Roles(...ADMINS)
  contact(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: PurposeQuery,
    @Req() req: AuthenticatedRequest,
  ): Promise<UnitContact> {
    return this.units.readContact(p, id, q.purpose, auditOrigin(req));
  }

  @Get(':id/history')
  @Roles(...ADMIN_READERS)
  async history(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<UnitStatusChange[]> {
    await this.units.get(p, id);
    return this.units.history(id);
  }

  @Patch(':id')
  @Roles(...ADMINS)
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateUnitDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<UnitView> {
    return viewOf(await this.units.update(p, id, dto, auditOrigin(req)));
  }

  /** The display name the unit asked for becomes the verified one, used in events and residents' SMS. */
  @Post(':id/display-name/approve')
  @Roles(...ADMINS)
  async approveName(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReviewDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<UnitView> {
    return viewOf(await this.units.reviewName(p, id, true, dto.reason, auditOrigin(req)));
  }

  @Post(':id/display-name/reject')
  @Roles(...ADMINS)
  async rejectName(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReviewDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<UnitView> {
    return viewOf(await this.units.reviewName(p, id, false, dto.reason, auditOrigin(req)));
  }

  /** verify, activate, suspend, reinstate or retire: `{ to, reason }`; an illegal move is a 409 saying why. */
  @Post(':id/status')
  @Roles(...ADMINS)
  async move(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: MoveUnitDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<UnitView> {
    return viewOf(await this.units.move(p, id, dto.to, dto.reason, auditOrigin(req)));
  }
}

/** A partner unit's own profile, reached with its API key through the gateway. */
@Controller('me')
@Roles('merchant')
export class OwnUnitController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  async get(@CurrentPrincipal() p: Principal): Promise<UnitView> {
    return viewOf(await this.units.own(unitOf(p)));
  }

  @Patch()
  @UseGuards(NeedsManageScope)
  @UseInterceptors(Idempotent)
  async update(@CurrentPrincipal() p: Principal, @Body() dto: UpdateOwnProfileDto): Promise<UnitView> {
    return viewOf(await this.units.updateOwn(unitOf(p), dto));
  }
}
