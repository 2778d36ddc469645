import { MigrationInterface, QueryRunner } from 'typeorm';

/** What each merchant API key may do: a leaked key stays within its scopes. */
export class ApiKeyScopes1764000000340 implements MigrationInterface {
  name = 'ApiKeyScopes1764000000340';

  async up(q: QueryRunner): Promise<void> {
    // Keys issued before scopes existed get the narrow one; their units ask for a wider key if they need it.
    await q.query(`ALTER TABLE merchant_api_key ADD COLUMN scopes text[] NOT NULL DEFAULT '{jobs}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE merchant_api_key DROP COLUMN scopes');
  }
}
