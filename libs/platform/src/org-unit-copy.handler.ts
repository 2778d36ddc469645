import { CloudEvent, OrgUnitV1, UnitCreated, UnitRenamed, UnitRetired } from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

/**
 * Keeps a service's local copy of the org tree, in its own `org_unit` table (code, level, path,
 * name_zh, status, updated_at). Each event carries the unit's whole state, so an upsert suffices;
 * an older state arriving after a newer one is ignored.
 */
@Controller()
export class OrgUnitCopyHandler {
  @OnEvent(UnitCreated)
  onCreated(@Payload() e: CloudEvent<OrgUnitV1>, @Ctx() ctx: EventContext): Promise<void> {
    return upsertUnit(ctx, e);
  }

  @OnEvent(UnitRenamed)
  onRenamed(@Payload() e: CloudEvent<OrgUnitV1>, @Ctx() ctx: EventContext): Promise<void> {
    return upsertUnit(ctx, e);
  }

  @OnEvent(UnitRetired)
  onRetired(@Payload() e: CloudEvent<OrgUnitV1>, @Ctx() ctx: EventContext): Promise<void> {
    return upsertUnit(ctx, e);
  }
}

async function upsertUnit(ctx: EventContext, e: CloudEvent<OrgUnitV1>): Promise<void> {
  const u = e.data;
  await ctx.manager.query(
    `INSERT INTO org_unit (code, level, path, name_zh, status, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, path = EXCLUDED.path, name_zh = EXCLUDED.name_zh,
       status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
     WHERE org_unit.updated_at <= EXCLUDED.updated_at`,
    [u.code, u.level, u.path, u.nameZh, u.status, e.time],
  );
}
