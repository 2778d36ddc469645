import { MigrationInterface, QueryRunner } from 'typeorm';

export class DispatchJobs1764000000200 implements MigrationInterface {
  name = 'DispatchJobs1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatch_job (
        request_id uuid PRIMARY KEY,
        request_number text NOT NULL,
        community_id text NOT NULL,
        category_code text NOT NULL,
        urgency text NOT NULL,
        fee_policy text NOT NULL,
        state text NOT NULL,
        received_at timestamptz NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX dispatch_job_state ON dispatch_job (state, community_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dispatch_job');
  }
}
