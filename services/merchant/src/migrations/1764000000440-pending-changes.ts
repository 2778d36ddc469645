import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit's own new display name and new categories wait for an admin: the name goes into residents'
 * SMS, the categories decide whose requests (and contacts) the unit receives.
 */
export class PendingChanges1764000000440 implements MigrationInterface {
  name = 'PendingChanges1764000000440';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE partner_unit ADD COLUMN pending_display_name text');
    // The price lists already in place stay as they are; from now on a unit's new category starts pending.
    await q.query('ALTER TABLE offering ADD COLUMN approved boolean NOT NULL DEFAULT true');
    await q.query('ALTER TABLE offering ALTER COLUMN approved SET DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE offering DROP COLUMN approved');
    await q.query('ALTER TABLE partner_unit DROP COLUMN pending_display_name');
  }
}
