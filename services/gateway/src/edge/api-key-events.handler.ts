import {
  ApiKeyIssued,
  ApiKeyIssuedV1,
  ApiKeyRevoked,
  ApiKeyRevokedV1,
  CloudEvent,
  UnitStatusChanged,
  UnitStatusChangedV1,
} from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ApiKeys } from './api-keys';
import { MerchantApiKey } from './merchant-api-key.entity';

/**
 * Rotation is issue-new then revoke-old; each event is applied whatever order they arrive in. Keys
 * and units travel on different partitions, so a key may arrive before its unit: both are kept,
 * and the two are matched when the key is used (see ApiKeys).
 */
@Controller()
export class ApiKeyEventsHandler {
  constructor(private readonly apiKeys: ApiKeys) {}

  @OnEvent(ApiKeyIssued)
  async issued(@Payload() event: CloudEvent<ApiKeyIssuedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const k = event.data;
    await ctx.manager
      .createQueryBuilder()
      .insert()
      .into(MerchantApiKey)
      .values({
        keyId: k.keyId,
        unitId: k.unitId,
        orgPath: k.orgPath,
        prefix: k.prefix,
        keyHash: k.keyHash,
        issuedAt: new Date(k.issuedAt),
        scopes: k.scopes?.length ? [...new Set(k.scopes)] : ['jobs'],
      })
      .orIgnore()
      .execute();
  }

  @OnEvent(ApiKeyRevoked)
  async revoked(@Payload() event: CloudEvent<ApiKeyRevokedV1>, @Ctx() ctx: EventContext): Promise<void> {
    await ctx.manager.update(MerchantApiKey, { keyId: event.data.keyId }, { revokedAt: new Date(event.data.revokedAt) });
    ctx.delivery.afterCommit(this.apiKeys.forget(event.data.unitId));
  }

  /** The newest move wins; a redelivered older one changes nothing. */
  @OnEvent(UnitStatusChanged)
  async unitMoved(@Payload() event: CloudEvent<UnitStatusChangedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const u = event.data;
    await ctx.manager.query(
      `INSERT INTO merchant_unit (unit_id, org_path, status, changed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (unit_id) DO UPDATE SET org_path = EXCLUDED.org_path, status = EXCLUDED.status, changed_at = EXCLUDED.changed_at
       WHERE merchant_unit.changed_at <= EXCLUDED.changed_at`,
      [u.unitId, u.orgPath, u.to, new Date(u.at)],
    );
    ctx.delivery.afterCommit(this.apiKeys.forget(u.unitId));
  }
}
