import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-off limits per request instead of per code: a new code used to reset the wrong-try count,
 * so six digits could be tried through by asking for codes. The times of codes sent and wrong
 * tries replace the per-code count; a code's earlier wrong tries carry over as made now.
 */
export class SignOffLimits1764000000120 implements MigrationInterface {
  name = 'SignOffLimits1764000000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sign_off_code
        ADD COLUMN issued_at timestamptz[] NOT NULL DEFAULT '{}',
        ADD COLUMN wrong_at timestamptz[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE sign_off_code SET issued_at = ARRAY[created_at], wrong_at = array_fill(now(), ARRAY[attempts])`);
    await q.query('ALTER TABLE sign_off_code DROP COLUMN attempts');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sign_off_code ADD COLUMN attempts int NOT NULL DEFAULT 0');
    await q.query('UPDATE sign_off_code SET attempts = cardinality(wrong_at)');
    await q.query('ALTER TABLE sign_off_code DROP COLUMN issued_at, DROP COLUMN wrong_at');
  }
}
