import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Passwords } from './passwords';
import { TokensService } from './tokens.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { VolunteerSignupService } from './volunteer-signup.service';

@Module({
  imports: [KeysModule],
  controllers: [AuthController, UsersController],
  providers: [AuthService, Passwords, TokensService, UsersService, VolunteerSignupService],
  exports: [TokensService, UsersService],
})
export class IdentityModule {}
