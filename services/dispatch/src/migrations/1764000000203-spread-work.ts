import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Volunteers' own job limits, copied from their profiles, and an index for the offers the ranking
 * counts per provider (open ones, the last week's, the latest).
 */
export class SpreadWork1764000000203 implements MigrationInterface {
  name = 'SpreadWork1764000000203';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch_provider ADD COLUMN max_jobs_per_day int, ADD COLUMN max_jobs_per_week int`);
    await q.query(`CREATE INDEX dispatch_offer_provider ON dispatch_offer (provider_id, offered_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dispatch_offer_provider');
    await q.query('ALTER TABLE dispatch_provider DROP COLUMN max_jobs_per_day, DROP COLUMN max_jobs_per_week');
  }
}
