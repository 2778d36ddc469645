import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which dead letters were put back on their topic, by whom and why. */
export class DeadLetterRedrive1764000000350 implements MigrationInterface {
  name = 'DeadLetterRedrive1764000000350';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dead_letter_redrive (
        topic text NOT NULL,
        partition int NOT NULL,
        dlq_offset bigint NOT NULL,
        event_id text,
        redriven_by text NOT NULL,
        redriven_at timestamptz NOT NULL,
        reason text NOT NULL,
        PRIMARY KEY (topic, partition, dlq_offset)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dead_letter_redrive');
  }
}
