import { MigrationInterface, QueryRunner } from 'typeorm';
import { NOTIFICATION_CHANNEL } from '../notifications/notification-queue';

/**
 * Every statement that queues texts wakes the sender when it commits, whoever wrote it, so the
 * sender does not poll for them.
 */
export class NotificationWakeup1764000000188 implements MigrationInterface {
  name = 'NotificationWakeup1764000000188';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notification_queued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${NOTIFICATION_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER notification_queued AFTER INSERT ON notification
      FOR EACH STATEMENT EXECUTE FUNCTION notification_queued()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER notification_queued ON notification');
    await q.query('DROP FUNCTION notification_queued()');
  }
}
