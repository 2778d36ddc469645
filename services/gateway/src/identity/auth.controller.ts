import { CurrentPrincipal, Principal, Public } from '@bangbang/auth';
import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { LoginDto, RefreshDto } from './auth.dto';
import { AccountLockedException, AuthService } from './auth.service';
import { TokenPair } from './tokens.service';
import { VolunteerSignupDto } from './volunteer-signup.dto';
import { VolunteerSignupService } from './volunteer-signup.service';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly volunteers: VolunteerSignupService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPair> {
    try {
      return await this.auth.login(dto.username, dto.password);
    } catch (err) {
      if (err instanceof AccountLockedException) {
        reply.header('retry-after', String(Math.max(1, Math.ceil((err.until.getTime() - Date.now()) / 1_000))));
      }
      throw err;
    }
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

  /** Opens a volunteer account and signs it in; the volunteer then applies at the volunteer service. */
  @Public()
  @Post('volunteers')
  @HttpCode(201)
  signUpVolunteer(@Body() dto: VolunteerSignupDto): Promise<TokenPair> {
    return this.volunteers.signUp(dto);
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
