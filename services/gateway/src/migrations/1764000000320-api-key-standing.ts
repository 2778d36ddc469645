import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each merchant API key may do, and whether its unit may act at all: a leaked key stays within
 * its scopes, and a suspended unit's keys stop working at the edge at once.
 */
export class ApiKeyStanding1764000000320 implements MigrationInterface {
  name = 'ApiKeyStanding1764000000320';

  async up(q: QueryRunner): Promise<void> {
    // Keys issued before scopes existed get the narrow one; their units ask for a wider key if they need it.
    await q.query(`ALTER TABLE merchant_api_key ADD COLUMN scopes text[] NOT NULL DEFAULT '{jobs}'`);
    await q.query(`
      CREATE TABLE merchant_unit_standing (
        unit_id text PRIMARY KEY,
        status text NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE merchant_unit_standing');
    await q.query('ALTER TABLE merchant_api_key DROP COLUMN scopes');
  }
}
