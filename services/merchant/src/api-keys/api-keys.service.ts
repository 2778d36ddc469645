import { AuditOrigin, Principal, recordAudit } from '@bangbang/auth';
import { API_KEY_SCOPES, ApiKeyIssued, ApiKeyRevoked, type ApiKeyScope, AuditRecorded } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { OmitType } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { MERCHANT_CONFIG, MerchantConfig } from '../merchant.config';
import { PartnerUnit } from '../units/partner-unit.entity';
import { ApiKey } from './api-key.entity';
import { newApiKey } from './api-key';

export class IssuedKey {
  keyId: string;
  prefix: string;
  /** Shown this once: only its hash is kept. */
  apiKey: string;
  issuedAt: Date;
  scopes: ApiKeyScope[];
}

export class KeyView extends OmitType(ApiKey, ['keyHash'] as const) {}

const view = ({ keyHash: _, ...rest }: ApiKey): KeyView => rest;

/** An admin acting on a unit's keys: recorded with the change, in its transaction. */
export interface AdminAct {
  admin: Principal;
  origin: AuditOrigin;
}

/** Revokes the matching live keys now, telling the gateway about each, in the caller's transaction. */
export async function revokeKeysWhere(m: EntityManager, condition: string, params: unknown[]): Promise<number> {
  const revoked = await m
    .query<[{ key_id: string; unit_id: string; revoked_at: Date }[], number]>(
      `UPDATE api_key SET revoked_at = now() WHERE revoked_at IS NULL AND ${condition} RETURNING key_id, unit_id, revoked_at`,
      params,
    )
    .then(([rows]) => rows);
  for (const k of revoked) {
    await writeToOutbox(m, ApiKeyRevoked, {
      subject: k.key_id,
      data: { keyId: k.key_id, unitId: k.unit_id, revokedAt: k.revoked_at.toISOString() },
    });
  }
  return revoked.length;
}

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly ds: DataSource,
    @Inject(MERCHANT_CONFIG) private readonly config: MerchantConfig,
  ) {}

  async list(unitId: string): Promise<KeyView[]> {
    const keys = await this.ds.manager.find(ApiKey, { where: { unitId }, order: { issuedAt: 'DESC' } });
    return keys.map(view);
  }

  /**
   * A new key with `jobs` and the scopes asked for; the unit's other live keys keep working for the
   * grace period when `rotate`, else stay as they are.
   */
  issue(unitId: string, rotate: boolean, asked: readonly string[] = [], by?: AdminAct): Promise<IssuedKey> {
    const scopes = API_KEY_SCOPES.filter((s) => s === 'jobs' || asked.includes(s));
    return this.ds.transaction(async (m) => {
      const unit = await m.findOne(PartnerUnit, { where: { id: unitId }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw new NotFoundException('partner unit not found');
      if (unit.status === 'retired' || unit.status === 'applied') {
        throw new ConflictException(`the unit ${unit.status === 'retired' ? 'is retired' : 'is not verified yet'}, so it gets no API key`);
      }
      if (rotate) {
        await m.query(
          `UPDATE api_key SET revoke_at = now() + make_interval(secs => $2::float / 1000)
           WHERE unit_id = $1 AND revoked_at IS NULL AND (revoke_at IS NULL OR revoke_at > now() + make_interval(secs => $2::float / 1000))`,
          [unitId, this.config.API_KEY_GRACE_MS],
        );
      }
      const { key, prefix, hash } = newApiKey();
      const issued = m.create(ApiKey, {
        keyId: randomUUID(),
        unitId,
        orgPath: unit.orgPath,
        prefix,
        keyHash: hash,
        issuedAt: new Date(),
        revokeAt: null,
        revokedAt: null,
        scopes,
      });
      await m.insert(ApiKey, issued);
      await writeToOutbox(m, ApiKeyIssued, {
        subject: issued.keyId,
        data: {
          keyId: issued.keyId,
          unitId,
          orgPath: unit.orgPath,
          prefix,
          keyHash: hash,
          issuedAt: issued.issuedAt.toISOString(),
          scopes,
        },
      });
      if (by) {
        const entry = {
          action: 'api-key.issued',
          resourceType: 'api-key',
          resourceId: issued.keyId,
          purpose: `unit ${unitId}, scopes ${scopes.join(' ')}`,
        };
        await recordAudit(m, AuditRecorded.merchant, by.admin, entry, by.origin);
      }
      return { keyId: issued.keyId, prefix, apiKey: key, issuedAt: issued.issuedAt, scopes };
    });
  }

  async revoke(unitId: string, keyId: string, by?: AdminAct): Promise<void> {
    await this.ds.transaction(async (m) => {
      const key = await m.findOneBy(ApiKey, { keyId, unitId });
      if (!key) throw new NotFoundException('API key not found');
      if (key.revokedAt) return;
      await revokeKeysWhere(m, 'key_id = $1', [keyId]);
      if (by)
        await recordAudit(
          m,
          AuditRecorded.merchant,
          by.admin,
          { action: 'api-key.revoked', resourceType: 'api-key', resourceId: keyId, purpose: `unit ${unitId}` },
          by.origin,
        );
    });
  }

  /** Rotated-out keys whose grace period has ended. */
  sweep(): Promise<number> {
    return this.ds.transaction((m) => revokeKeysWhere(m, 'revoke_at <= now()', []));
  }

  liveKeys(unitId: string): Promise<number> {
    return this.ds.manager.countBy(ApiKey, { unitId, revokedAt: IsNull() });
  }
}
