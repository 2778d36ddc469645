import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Get, Param, Put, Query, Req } from '@nestjs/common';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { ADMINS, READER_ROLES } from '../access';
import { CatalogueService, CategoryView } from './catalogue.service';

const CODE = /^[a-z][a-z0-9-]{1,63}$/;

export class CatalogueQuery {
  @IsOptional() @Matches(CODE, { message: 'community must be a community code' }) community?: string;
}

export class SwitchDto {
  @IsBoolean() enabled: boolean;
}

@Controller('catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('categories')
  @Roles(...READER_ROLES)
  list(@CurrentPrincipal() principal: Principal, @Query() query: CatalogueQuery): Promise<CategoryView[]> {
    return this.catalogue.list(principal, query.community);
  }

  /** A community turns a category off for itself (or back on). */
  @Put('communities/:community/categories/:category')
  @Roles(...ADMINS)
  switch(
    @CurrentPrincipal() principal: Principal,
    @Param('community') community: string,
    @Param('category') category: string,
    @Body() dto: SwitchDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<CategoryView> {
    return this.catalogue.setEnabled(principal, community, category, dto.enabled, auditOrigin(req));
  }
}
