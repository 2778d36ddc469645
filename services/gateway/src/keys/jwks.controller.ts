import { Public } from '@bangbang/auth';
import { Controller, Get, Header } from '@nestjs/common';
import type { JWK } from 'jose';
import { SigningKeys } from './signing-keys';

/** The public keys that verify the gateway's access tokens. */
export class Jwks {
  keys: JWK[];
}

@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Public()
  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=60')
  jwks(): Jwks {
    return this.keys.jwks();
  }
}
