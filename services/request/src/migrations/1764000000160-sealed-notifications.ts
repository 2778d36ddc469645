import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message waiting to be sent keeps its codes and links sealed (`sealed_body`) and only a redacted
 * `body` readable; once sent the sealed copy is dropped. Messages queued before this keep their
 * body as it was until they are sent, when the sender redacts it as before.
 */
export class SealedNotifications1764000000160 implements MigrationInterface {
  name = 'SealedNotifications1764000000160';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN sealed_body text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP COLUMN sealed_body`);
  }
}
