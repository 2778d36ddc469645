import { MigrationInterface, QueryRunner } from 'typeorm';

/** A volunteer's own limits on jobs a day and a week, sent to dispatch in the provider profile. */
export class JobLimits1764000000402 implements MigrationInterface {
  name = 'JobLimits1764000000402';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE volunteer
      ADD COLUMN max_jobs_per_day int CHECK (max_jobs_per_day BETWEEN 1 AND 100),
      ADD COLUMN max_jobs_per_week int CHECK (max_jobs_per_week BETWEEN 1 AND 500)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE volunteer DROP COLUMN max_jobs_per_day, DROP COLUMN max_jobs_per_week');
  }
}
