import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-in failures are throttled in memory per address and username now; accounts no longer lock. */
export class LoginThrottle1764000000320 implements MigrationInterface {
  name = 'LoginThrottle1764000000320';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE staff_user DROP COLUMN failed_attempts, DROP COLUMN first_failed_at, DROP COLUMN locked_until');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE staff_user ADD COLUMN failed_attempts int NOT NULL DEFAULT 0, ADD COLUMN first_failed_at timestamptz, ADD COLUMN locked_until timestamptz',
    );
  }
}
