import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { BlockedNumbers } from './blocked-numbers.service';
import {
  BlockedNumberView,
  BlockNumberDto,
  CtiTokenView,
  IssueCtiTokenDto,
  IssuedCtiToken,
  LiftBlockDto,
  ListBlockedQuery,
} from './cti.dto';
import { CtiTokens } from './cti-tokens.service';

const ADMINS = ['district_admin', 'street_admin', 'community_admin'] as const;

/** PBX tokens (a district admin's) and blocked numbers (any admin's, over their own subtree). */
@Controller('cti')
export class CtiAdminController {
  constructor(
    private readonly tokens: CtiTokens,
    private readonly blocked: BlockedNumbers,
  ) {}

  @Get('tokens')
  @Roles('district_admin')
  listTokens(@CurrentPrincipal() p: Principal): Promise<CtiTokenView[]> {
    return this.tokens.list(p);
  }

  /** The token is in this answer only; the gateway keeps its hash. */
  @Post('tokens')
  @Roles('district_admin')
  issueToken(@CurrentPrincipal() p: Principal, @Body() dto: IssueCtiTokenDto, @Req() req: AuthenticatedRequest): Promise<IssuedCtiToken> {
    return this.tokens.issue(p, dto.name, auditOrigin(req));
  }

  @Post('tokens/:id/revoke')
  @HttpCode(200)
  @Roles('district_admin')
  revokeToken(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<CtiTokenView> {
    return this.tokens.revoke(p, id, auditOrigin(req));
  }

  @Get('blocked-numbers')
  @Roles(...ADMINS, 'agent')
  listBlocked(@CurrentPrincipal() p: Principal, @Query() q: ListBlockedQuery): Promise<BlockedNumberView[]> {
    return this.blocked.list(p, q);
  }

  @Post('blocked-numbers')
  @Roles(...ADMINS)
  block(@CurrentPrincipal() p: Principal, @Body() dto: BlockNumberDto, @Req() req: AuthenticatedRequest): Promise<BlockedNumberView> {
    return this.blocked.block(p, dto, auditOrigin(req));
  }

  @Post('blocked-numbers/:id/lift')
  @HttpCode(200)
  @Roles(...ADMINS)
  lift(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: LiftBlockDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<BlockedNumberView> {
    return this.blocked.lift(p, id, dto.reason, auditOrigin(req));
  }
}
