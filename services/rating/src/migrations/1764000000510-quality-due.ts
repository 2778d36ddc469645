import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a provider's quality, whose counters moved, is to be published (null: nothing waits). */
export class QualityDue1764000000510 implements MigrationInterface {
  name = 'QualityDue1764000000510';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE provider_quality ADD COLUMN due_at timestamptz');
    await q.query('CREATE INDEX provider_quality_due ON provider_quality (due_at) WHERE due_at IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX provider_quality_due');
    await q.query('ALTER TABLE provider_quality DROP COLUMN due_at');
  }
}
