import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each claim on an Idempotency-Key gets its own id, so that once an abandoned claim has been taken
 * over, the first run (if it was only slow) can neither store its answer over the new one nor free
 * the key under it.
 */
export class IdempotencyClaim1764000000410 implements MigrationInterface {
  name = 'IdempotencyClaim1764000000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE idempotency_key ADD COLUMN claim uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE idempotency_key DROP COLUMN claim');
  }
}
