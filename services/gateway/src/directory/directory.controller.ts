import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import type { OrgUnitV1 } from '@bangbang/contracts';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { DirectoryService } from './directory.service';
import { CreateUnitDto, RenameUnitDto, RetireUnitDto } from './unit.dto';

/** Reads: anyone signed in, over their own subtree. Changes: admins above the unit's level. */
@Controller('directory/units')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal): Promise<OrgUnitV1[]> {
    return this.directory.list(principal);
  }

  @Get(':code')
  get(@CurrentPrincipal() principal: Principal, @Param('code') code: string): Promise<OrgUnitV1> {
    return this.directory.get(principal, code);
  }

  @Roles('district_admin', 'street_admin')
  @Post()
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateUnitDto, @Req() req: AuthenticatedRequest): Promise<OrgUnitV1> {
    return this.directory.create(p, dto, auditOrigin(req));
  }

  @Roles('district_admin', 'street_admin')
  @Patch(':code')
  rename(
    @CurrentPrincipal() p: Principal,
    @Param('code') code: string,
    @Body() dto: RenameUnitDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<OrgUnitV1> {
    return this.directory.rename(p, code, dto, auditOrigin(req));
  }

  @Roles('district_admin', 'street_admin')
  @Post(':code/retire')
  @HttpCode(200)
  retire(
    @CurrentPrincipal() p: Principal,
    @Param('code') code: string,
    @Body() dto: RetireUnitDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<OrgUnitV1> {
    return this.directory.retire(p, code, dto.reason, auditOrigin(req));
  }
}
