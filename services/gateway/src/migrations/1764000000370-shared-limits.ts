import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit buckets and sign-in failures, shared by every gateway instance (they were in each
 * process's memory, so N instances allowed N times the rate). Unlogged: written on most requests,
 * they skip the WAL; a server crash or failover empties them, which only forgives the callers of
 * that moment.
 */
export class SharedLimits1764000000370 implements MigrationInterface {
  name = 'SharedLimits1764000000370';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_bucket (
        key text PRIMARY KEY,
        tokens double precision NOT NULL,
        at timestamptz NOT NULL,
        allowed boolean NOT NULL,
        full_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX rate_bucket_full_at ON rate_bucket (full_at)');
    await q.query(`
      CREATE UNLOGGED TABLE login_failure (
        key text PRIMARY KEY,
        count int NOT NULL,
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX login_failure_first_at ON login_failure (first_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_failure');
    await q.query('DROP TABLE rate_bucket');
  }
}
