import { MigrationInterface, QueryRunner } from 'typeorm';

/** Volunteers sign in at the gateway too; they share login, lockout and refresh with staff. */
export class AccountKind1764000000310 implements MigrationInterface {
  name = 'AccountKind1764000000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_user ADD COLUMN kind text NOT NULL DEFAULT 'staff' CHECK (kind IN ('staff', 'volunteer'))`);
    await q.query(`ALTER TABLE staff_user ADD CONSTRAINT staff_user_volunteer_role CHECK ((kind = 'volunteer') = (role = 'volunteer'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE staff_user DROP CONSTRAINT staff_user_volunteer_role');
    await q.query('ALTER TABLE staff_user DROP COLUMN kind');
  }
}
