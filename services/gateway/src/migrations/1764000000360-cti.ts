import { MigrationInterface, QueryRunner } from 'typeorm';

/** The PBXs' CTI tokens (hashes only), the numbers they are told to reject, and what each PBX already reported. */
export class Cti1764000000360 implements MigrationInterface {
  name = 'Cti1764000000360';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cti_token (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        org_path text NOT NULL,
        prefix text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        issued_by text NOT NULL,
        issued_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by text
      )`);
    await q.query(`
      CREATE TABLE cti_blocked_number (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        org_path text NOT NULL,
        reason text NOT NULL,
        blocked_by text NOT NULL,
        blocked_at timestamptz NOT NULL,
        expires_at timestamptz,
        lifted_at timestamptz,
        lifted_by text
      )`);
    await q.query(`CREATE INDEX cti_blocked_number_active ON cti_blocked_number (number) WHERE lifted_at IS NULL`);
    // One row per report a PBX made, so a report sent twice is published once.
    await q.query(`
      CREATE TABLE cti_receipt (
        pbx_id uuid NOT NULL,
        call_id text NOT NULL,
        event text NOT NULL,
        target text NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (pbx_id, call_id, event, target)
      )`);
    await q.query(`CREATE INDEX cti_receipt_received_at ON cti_receipt (received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE cti_receipt');
    await q.query('DROP TABLE cti_blocked_number');
    await q.query('DROP TABLE cti_token');
  }
}
