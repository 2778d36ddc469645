import type { Principal } from '@bangbang/auth';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-tokens';
import { sha256, TokensService } from '../identity/tokens.service';
import { MerchantApiKey } from './merchant-api-key.entity';
import { MerchantUnit } from './merchant-unit.entity';
import { UnitChanges } from './unit-changes';

export const API_KEY_HEADER = 'x-api-key';
const API_KEY = /^bbk_[A-Za-z0-9_-]{20,200}$/;
const MAX_FOUND = 10_000;

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
  /** Keys found valid, by the hash of the key: the lookup is most of a proxied call's own cost. */
  private readonly found = new Map<string, { key: MerchantApiKey; until: number }>();
  private readonly changes = new UnitChanges();

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokensService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async exchange(apiKey: string): Promise<KeyExchange | undefined> {
    if (!API_KEY.test(apiKey)) return undefined;
    // The key's own event is not enough: its unit must be known from the merchant service's unit
    // facts as active, at the org path the key claims.
    const key = await this.lookUp(sha256(apiKey));
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

  /** Whether the key was found valid lately: exchanging it then costs no lookup. */
  knows(apiKey: string): boolean {
    return API_KEY.test(apiKey) && (this.found.get(sha256(apiKey))?.until ?? 0) > Date.now();
  }

  /**
   * A key of the unit was revoked or the unit moved: what was found of its keys is trusted no longer.
   * Called inside the event's transaction, so nothing of them is kept again until the returned step
   * has run once it committed: a lookup begun before then may have read the old state.
   */
  forget(unitId: string): () => void {
    for (const [hash, { key }] of this.found) if (key.unitId === unitId) this.found.delete(hash);
    const committed = this.changes.change(unitId, Date.now());
    return () => committed(Date.now());
  }

  private async lookUp(hash: string): Promise<MerchantApiKey | null> {
    const lookup = this.changes.begin(Date.now());
    const known = this.found.get(hash);
    if (known && known.until > lookup.began) return known.key;
    this.found.delete(hash);
    const key = await this.ds
      .getRepository(MerchantApiKey)
      .createQueryBuilder('k')
      .innerJoin(MerchantUnit, 'u', 'u.unitId = k.unitId AND u.orgPath = k.orgPath AND u.status = :active', { active: 'active' })
      .where('k.keyHash = :hash AND k.revokedAt IS NULL', { hash })
      .getOne();
    // Only valid keys are kept: an unknown one is asked about again (it may just have been issued).
    const now = Date.now();
    if (key && this.config.API_KEY_CACHE_SECONDS > 0 && this.changes.keepable(key.unitId, lookup, now)) {
      // Bounded by the keys in use; dropping all past that costs one lookup each.
      if (this.found.size >= MAX_FOUND) this.found.clear();
      this.found.set(hash, { key, until: now + this.config.API_KEY_CACHE_SECONDS * 1_000 });
    }
    return key;
  }
}
