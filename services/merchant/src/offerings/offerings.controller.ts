import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { ADMIN_READERS, ADMINS, NeedsManageScope, unitOf } from '../access';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { ReviewDto } from '../units/review.dto';
import { UnitsService } from '../units/units.service';
import { Offering } from './offering.entity';
import { CategoryParam, PutOfferingDto, UnitCategoryParams } from './offering.dto';
import { OfferingsService } from './offerings.service';

@Controller('me/offerings')
@Roles('merchant')
export class OwnOfferingsController {
  constructor(private readonly offerings: OfferingsService) {}

  @Get()
  list(@CurrentPrincipal() p: Principal): Promise<Offering[]> {
    return this.offerings.list(unitOf(p));
  }

  @Put(':category')
  @UseGuards(NeedsManageScope)
  @UseInterceptors(Idempotent)
  put(@CurrentPrincipal() p: Principal, @Param() { category }: CategoryParam, @Body() dto: PutOfferingDto): Promise<Offering> {
    return this.offerings.put(unitOf(p), category, dto);
  }

  @Delete(':category')
  @HttpCode(204)
  @UseGuards(NeedsManageScope)
  @UseInterceptors(Idempotent)
  async remove(@CurrentPrincipal() p: Principal, @Param() { category }: CategoryParam): Promise<void> {
    await this.offerings.remove(unitOf(p), category);
  }
}

@Controller('units/:id/offerings')
export class UnitOfferingsController {
  constructor(
    private readonly offerings: OfferingsService,
    private readonly units: UnitsService,
  ) {}

  @Get()
  @Roles(...ADMIN_READERS)
  async list(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<Offering[]> {
    await this.units.get(p, id);
    return this.offerings.list(id);
  }

  @Put(':category')
  @Roles(...ADMINS)
  put(
    @CurrentPrincipal() p: Principal,
    @Param() { id, category }: UnitCategoryParams,
    @Body() dto: PutOfferingDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<Offering> {
    return this.offerings.put(id, category, dto, { admin: p, origin: auditOrigin(req) });
  }

  @Delete(':category')
  @Roles(...ADMINS)
  @HttpCode(204)
  async remove(
    @CurrentPrincipal() p: Principal,
    @Param() { id, category }: UnitCategoryParams,
    @Req() req: AuthenticatedRequest,
  ): Promise<void> {
    await this.offerings.remove(id, category, { admin: p, origin: auditOrigin(req) });
  }

  /** A category the unit added itself starts counting for dispatch and the directory. */
  @Post(':category/approve')
  @Roles(...ADMINS)
  async approve(
    @CurrentPrincipal() p: Principal,
    @Param() { id, category }: UnitCategoryParams,
    @Body() dto: ReviewDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<Offering> {
    return (await this.offerings.review(p, id, category, true, dto.reason, auditOrigin(req)))!;
  }

  @Post(':category/reject')
  @Roles(...ADMINS)
  @HttpCode(204)
  async reject(
    @CurrentPrincipal() p: Principal,
    @Param() { id, category }: UnitCategoryParams,
    @Body() dto: ReviewDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<void> {
    await this.offerings.review(p, id, category, false, dto.reason, auditOrigin(req));
  }
}
