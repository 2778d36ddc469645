import { Public } from '@bangbang/auth';
import { Controller, Get, Header } from '@nestjs/common';
import type { JWK } from 'jose';
import { SigningKeys } from './signing-keys';

@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Public()
  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=60')
  jwks(): { keys: JWK[] } {
    return this.keys.jwks();
  }
}
