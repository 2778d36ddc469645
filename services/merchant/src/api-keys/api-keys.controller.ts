import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { ADMIN_READERS, ADMINS, NeedsManageScope, unitOf } from '../access';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { UnitsService } from '../units/units.service';
import { IssueKeyDto } from './api-key.dto';
import { ApiKeysService, IssuedKey, KeyView } from './api-keys.service';

@Controller('me/api-keys')
@Roles('merchant')
@UseGuards(NeedsManageScope)
export class OwnApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  list(@CurrentPrincipal() p: Principal): Promise<KeyView[]> {
    return this.keys.list(unitOf(p));
  }

  /** Issues a new key (shown once) with the rotating key's scopes; the current ones keep working for the grace period, then are revoked. */
  @Post('rotate')
  @UseInterceptors(Idempotent)
  rotate(@CurrentPrincipal() p: Principal): Promise<IssuedKey> {
    return this.keys.issue(unitOf(p), true, p.scopes);
  }

  @Delete(':keyId')
  @HttpCode(204)
  @UseInterceptors(Idempotent)
  revoke(@CurrentPrincipal() p: Principal, @Param('keyId', new ParseUUIDPipe()) keyId: string): Promise<void> {
    return this.keys.revoke(unitOf(p), keyId);
  }
}

@Controller('units/:id/api-keys')
export class UnitApiKeysController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly units: UnitsService,
  ) {}

  @Get()
  @Roles(...ADMIN_READERS)
  async list(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<KeyView[]> {
    await this.units.get(p, id);
    return this.keys.list(id);
  }

  /** The unit's first key, or a replacement after a leak (`rotate` keeps the others for the grace period). */
  @Post()
  @Roles(...ADMINS)
  async issue(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: IssueKeyDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<IssuedKey> {
    await this.units.get(p, id);
    return this.keys.issue(id, false, dto.scopes, { admin: p, origin: auditOrigin(req) });
  }

  @Post(':keyId/revoke')
  @Roles(...ADMINS)
  @HttpCode(204)
  async revoke(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('keyId', new ParseUUIDPipe()) keyId: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<void> {
    await this.units.get(p, id);
    await this.keys.revoke(id, keyId, { admin: p, origin: auditOrigin(req) });
  }
}
