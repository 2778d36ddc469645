import { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's read copy of partner units' status and place, against which API keys are checked. */
export class MerchantUnit1764000000330 implements MigrationInterface {
  name = 'MerchantUnit1764000000330';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE merchant_unit (
        unit_id text PRIMARY KEY,
        org_path text NOT NULL,
        status text NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE merchant_unit');
  }
}
