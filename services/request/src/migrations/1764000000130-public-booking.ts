import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online booking: the verification state per phone (keyed by a hash of the number, registered or
 * not), and messages that belong to no request yet (the booking code).
 */
export class PublicBooking1764000000130 implements MigrationInterface {
  name = 'PublicBooking1764000000130';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE booking_verification (
        phone_key text PRIMARY KEY,
        code_hash text,
        salt text,
        expires_at timestamptz,
        used_at timestamptz,
        issued_at timestamptz[] NOT NULL DEFAULT '{}',
        wrong_at timestamptz[] NOT NULL DEFAULT '{}',
        last_seen_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX booking_verification_stale ON booking_verification (last_seen_at)');
    await q.query('ALTER TABLE notification ALTER COLUMN request_id DROP NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM notification WHERE request_id IS NULL');
    await q.query('ALTER TABLE notification ALTER COLUMN request_id SET NOT NULL');
    await q.query('DROP TABLE booking_verification');
  }
}
