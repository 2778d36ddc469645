import { auditOrigin, CurrentPrincipal, Principal, Public } from '@bangbang/auth';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginDto, RefreshDto } from './auth.dto';
import { AuthService } from './auth.service';
import { tellingWhenToRetry } from './retry-later';
import { TokenPair } from './tokens.service';
import { PrincipalView } from './user.dto';
import { VolunteerSignupDto } from './volunteer-signup.dto';
import { SignupAccepted, VolunteerSignupService } from './volunteer-signup.service';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly volunteers: VolunteerSignupService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPair> {
    return tellingWhenToRetry(reply, () => this.auth.login(dto.username, dto.password, req.ip, auditOrigin(req)));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  /** Opens a volunteer account, which then signs in; the volunteer applies at the volunteer service. */
  @Public()
  @Post('volunteers')
  @HttpCode(202)
  signUpVolunteer(@Body() dto: VolunteerSignupDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SignupAccepted> {
    return tellingWhenToRetry(reply, () => this.volunteers.signUp(dto));
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): PrincipalView {
    return principal;
  }
}
