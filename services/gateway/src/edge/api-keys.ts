import type { Principal } from '@bangbang/auth';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-tokens';
import { sha256, TokensService } from '../identity/tokens.service';
import { MerchantApiKey } from './merchant-api-key.entity';
import { MerchantUnit } from './merchant-unit.entity';

export const API_KEY_HEADER = 'x-api-key';
const API_KEY = /^bbk_[A-Za-z0-9_-]{20,200}$/;

export interface KeyExchange {
  keyId: string;
  principal: Principal;
  accessToken: string;
}

/**
 * Exchanges a merchant API key for a short-lived access token, so upstream services only ever see
 * tokens. The minted token is reused while it has a margin left, sparing a signature per call.
 */
@Injectable()
export class ApiKeys {
  private readonly minted = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokensService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async exchange(apiKey: string): Promise<KeyExchange | undefined> {
    if (!API_KEY.test(apiKey)) return undefined;
    // The key's own event is not enough: its unit must be known from the merchant service's unit
    // facts as active, at the org path the key claims.
    const key = await this.ds
      .getRepository(MerchantApiKey)
      .createQueryBuilder('k')
      .innerJoin(MerchantUnit, 'u', 'u.unitId = k.unitId AND u.orgPath = k.orgPath AND u.status = :active', { active: 'active' })
      .where('k.keyHash = :hash AND k.revokedAt IS NULL', { hash: sha256(apiKey) })
      .getOne();
    if (!key) return undefined;
    const principal: Principal = {
      id: key.unitId,
      kind: 'merchant',
      role: 'merchant',
      org: key.orgPath.split('/').at(-2)!,
      orgPath: key.orgPath,
      name: key.unitId,
      credential: key.keyId,
      scopes: key.scopes,
    };
    const now = Date.now();
    let cached = this.minted.get(key.keyId);
    if (!cached || cached.until <= now) {
      const ttl = this.config.API_KEY_TOKEN_TTL_SECONDS;
      cached = { token: await this.tokens.access(principal, ttl), until: now + (ttl / 2) * 1_000 };
      this.minted.set(key.keyId, cached);
    }
    return { keyId: key.keyId, principal, accessToken: cached.token };
  }
}
