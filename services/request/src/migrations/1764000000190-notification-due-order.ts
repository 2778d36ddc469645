import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sender claims the oldest due texts in (next_attempt_at, id) order. With the id in the index,
 * the claim walks the index in that order and stops at its batch; on the old index the server could
 * plan to read and sort every due text of a backlog for each claim, and did whenever it believed the
 * table small (bench/README.md, "Plans made on small tables").
 */
export class NotificationDueOrder1764000000190 implements MigrationInterface {
  name = 'NotificationDueOrder1764000000190';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notification_due_order ON notification (next_attempt_at, id) WHERE status = 'pending'`);
    await q.query('DROP INDEX notification_due');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'pending'`);
    await q.query('DROP INDEX notification_due_order');
  }
}
