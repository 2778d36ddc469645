import { ApiKeyIssued, ApiKeyIssuedV1, ApiKeyRevoked, ApiKeyRevokedV1, CloudEvent, UnitStatusChanged, UnitStatusChangedV1 } from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { MerchantApiKey } from './merchant-api-key.entity';

/** Rotation is issue-new then revoke-old; each event is applied whatever order they arrive in. */
@Controller()
export class ApiKeyEventsHandler {
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
  }

  /** The unit's standing, newest move wins: its keys work only while it is active or verified. */
  @OnEvent(UnitStatusChanged)
  async unitStatus(@Payload() event: CloudEvent<UnitStatusChangedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const { unitId, to, at } = event.data;
    await ctx.manager.query(
      `INSERT INTO merchant_unit_standing (unit_id, status, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (unit_id) DO UPDATE SET status = EXCLUDED.status, changed_at = EXCLUDED.changed_at
       WHERE merchant_unit_standing.changed_at < EXCLUDED.changed_at`,
      [unitId, to, new Date(at)],
    );
  }
}
