import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a key may do. Keys issued before scopes existed get the narrow one: offers and jobs. */
export class ApiKeyScopes1764000000430 implements MigrationInterface {
  name = 'ApiKeyScopes1764000000430';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key ADD COLUMN scopes text[] NOT NULL DEFAULT '{jobs}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_key DROP COLUMN scopes');
  }
}
