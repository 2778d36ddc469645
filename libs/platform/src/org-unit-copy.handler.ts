import { CloudEvent, OrgUnitV1, UnitCreated, UnitRenamed, UnitRetired } from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { MigrationInterface, QueryRunner } from 'typeorm';
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

/**
 * The `org_unit` table of every service that keeps a copy of the tree, created here once for all of
 * them. `IF NOT EXISTS`: databases created before this migration already have the table from the
 * service's own first migration, and get the unique path index the rating service always had.
 */
export class OrgUnitCopy1764000000010 implements MigrationInterface {
  name = 'OrgUnitCopy1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS org_unit (
        code text PRIMARY KEY,
        level text NOT NULL,
        path text NOT NULL,
        name_zh text NOT NULL,
        status text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE UNIQUE INDEX IF NOT EXISTS org_unit_path_key ON org_unit (path)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE org_unit');
  }
}
