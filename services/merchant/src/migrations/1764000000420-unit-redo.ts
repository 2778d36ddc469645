import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each reopening counted against a unit, by the reopen's own time: the same fact published again
 * under a new event id (which the inbox does not recognise) finds its row and counts no second redo.
 */
export class UnitRedo1764000000420 implements MigrationInterface {
  name = 'UnitRedo1764000000420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit_redo (
        request_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        reopened_at timestamptz NOT NULL,
        PRIMARY KEY (request_id, unit_id, reopened_at)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE unit_redo');
  }
}
