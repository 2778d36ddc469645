import { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceRequests1764000000100 implements MigrationInterface {
  name = 'ServiceRequests1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SEQUENCE service_request_number_seq');
    await q.query(`
      CREATE TABLE service_request (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        community_id text NOT NULL,
        category_code text NOT NULL,
        urgency text NOT NULL,
        fee_policy text NOT NULL,
        description text NOT NULL,
        status text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE service_request');
    await q.query('DROP SEQUENCE service_request_number_seq');
  }
}
