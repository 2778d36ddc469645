import type { Principal } from '@bangbang/auth';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-tokens';
import { SigningKeys } from '../keys/signing-keys';
import { RefreshToken } from './refresh-token.entity';

export class TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

@Injectable()
export class TokensService {
  constructor(
    private readonly keys: SigningKeys,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  access(principal: Principal, ttlSeconds = this.config.ACCESS_TOKEN_TTL_SECONDS): Promise<string> {
    const { kind, role, org, orgPath, name, credential, scopes } = principal;
    const key = { ...(credential ? { cred: credential } : {}), ...(scopes ? { scp: scopes } : {}) };
    return this.keys.sign({ typ: 'access', kind, role, org, orgPath, name, ...key }, principal.id, ttlSeconds);
  }

  /** A new pair; the refresh token joins `familyId` (a rotation) or starts a family (a login). */
  async pair(m: EntityManager, principal: Principal, familyId: string = randomUUID()): Promise<TokenPair> {
    const refreshToken = `bbr_${randomBytes(32).toString('base64url')}`;
    await m.insert(RefreshToken, {
      id: randomUUID(),
      familyId,
      userId: principal.id,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1_000),
    });
    return {
      accessToken: await this.access(principal),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    };
  }
}
