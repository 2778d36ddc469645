import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a key may do; keys issued before scopes existed get the narrow one, offers and jobs. */
export class ApiKeyScopes1764000000430 implements MigrationInterface {
  name = 'ApiKeyScopes1764000000430';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key ADD COLUMN scopes text[] NOT NULL DEFAULT '{jobs}'`);
    // Stored answers were kept per unit and could hold a one-time key or secret. From now on they
    // are kept per key (which no stored row matches) and without secrets: the old ones go now.
    await q.query('DELETE FROM idempotency_key');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_key DROP COLUMN scopes');
  }
}
