import { MigrationInterface, QueryRunner } from 'typeorm';

/** Calls from the PBX, callbacks for the missed ones, agents' extensions, and the call a request was taken on. */
export class Calls1764000000180 implements MigrationInterface {
  name = 'Calls1764000000180';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE call (
        id uuid PRIMARY KEY,
        pbx_id uuid NOT NULL,
        pbx_call_id text NOT NULL,
        org_path text NOT NULL,
        pbx_org_path text NOT NULL,
        direction text NOT NULL,
        number text,
        household_id uuid,
        street_code text,
        community_code text,
        timeline jsonb NOT NULL,
        blocked boolean NOT NULL,
        arrived_at timestamptz NOT NULL,
        answered_at timestamptz,
        answered_by text,
        answered_extension text,
        ended_at timestamptz,
        cause text,
        outcome text,
        callback_id uuid,
        updated_at timestamptz NOT NULL,
        UNIQUE (pbx_id, pbx_call_id)
      )`);
    await q.query(`CREATE INDEX call_arrived_at ON call (arrived_at)`);
    await q.query(`CREATE INDEX call_org_path ON call (org_path text_pattern_ops, arrived_at)`);
    await q.query(`
      CREATE TABLE callback (
        id uuid PRIMARY KEY,
        call_id uuid NOT NULL REFERENCES call (id),
        org_path text NOT NULL,
        number text,
        household_id uuid,
        street_code text,
        community_code text,
        reason text NOT NULL,
        status text NOT NULL,
        missed_calls int NOT NULL,
        attempts int NOT NULL,
        created_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        done_at timestamptz,
        done_by text,
        return_call_id uuid,
        note text,
        escalated_at timestamptz,
        escalation_level text
      )`);
    await q.query(`CREATE INDEX callback_open_due ON callback (due_at) WHERE status = 'open'`);
    await q.query(`CREATE UNIQUE INDEX callback_open_number ON callback (number) WHERE status = 'open' AND number IS NOT NULL`);
    await q.query(`CREATE INDEX callback_created_at ON callback (created_at)`);
    await q.query(`
      CREATE TABLE agent_extension (
        extension text PRIMARY KEY,
        agent_id text NOT NULL UNIQUE,
        org_path text NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`ALTER TABLE service_request ADD COLUMN call_id uuid REFERENCES call (id)`);
    await q.query(`CREATE INDEX service_request_call ON service_request (call_id) WHERE call_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE service_request DROP COLUMN call_id');
    await q.query('DROP TABLE agent_extension');
    await q.query('DROP TABLE callback');
    await q.query('DROP TABLE call');
  }
}
