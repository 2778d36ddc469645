import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each spending keeps the answer it gave, so a retry under the same Idempotency-Key gets that answer
 * again; json rather than jsonb keeps it as sent, key order and all.
 */
export class IdempotentSpending1764000000401 implements MigrationInterface {
  name = 'IdempotentSpending1764000000401';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE redemption ADD COLUMN response json');
    await q.query('ALTER TABLE service_exchange ADD COLUMN response json');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE service_exchange DROP COLUMN response');
    await q.query('ALTER TABLE redemption DROP COLUMN response');
  }
}
