import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles, STAFF_ROLES } from '@bangbang/auth';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { tellingWhenToRetry } from './retry-later';
import { CreateUserDto, UserReadDto, UserView } from './user.dto';
import { UsersService } from './users.service';

const ADMINS = ['district_admin', 'street_admin', 'community_admin'] as const;

/** Staff accounts, each admin over their own subtree. */
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles(...ADMINS, 'auditor')
  @Get()
  list(@CurrentPrincipal() principal: Principal): Promise<UserView[]> {
    return this.users.list(principal);
  }

  @Roles(...STAFF_ROLES)
  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() read: UserReadDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<UserView> {
    return this.users.get(principal, id, read, auditOrigin(req));
  }

  @Roles(...ADMINS)
  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateUserDto,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserView> {
    return tellingWhenToRetry(reply, () => this.users.create(principal, dto, auditOrigin(req)));
  }

  @Roles(...ADMINS)
  @Post(':id/disable')
  @HttpCode(200)
  disable(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<UserView> {
    return this.users.disable(principal, id, auditOrigin(req));
  }
}
