import { MigrationInterface, QueryRunner } from 'typeorm';

/** The provider view, offers, durable clocks and idempotent provider reports around the job row. */
export class DispatchMatching1764000000201 implements MigrationInterface {
  name = 'DispatchMatching1764000000201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dispatch_job
        ADD COLUMN org_path text NOT NULL DEFAULT '/',
        ADD COLUMN correlation_id text,
        ADD COLUMN summary text,
        ADD COLUMN lat double precision,
        ADD COLUMN lng double precision,
        ADD COLUMN preferred_from timestamptz,
        ADD COLUMN preferred_to timestamptz,
        ADD COLUMN preferred_provider_id text,
        ADD COLUMN response_due_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN resolution_due_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN level text NOT NULL DEFAULT 'community',
        ADD COLUMN round int NOT NULL DEFAULT 1,
        ADD COLUMN provider_id text,
        ADD COLUMN provider_kind text,
        ADD COLUMN provider_name text,
        ADD COLUMN previous_provider_id text,
        ADD COLUMN assigned_at timestamptz,
        ADD COLUMN responded_at timestamptz,
        ADD COLUMN on_site_at timestamptz,
        ADD COLUMN completed_at timestamptz,
        ADD COLUMN price_charged_fen int,
        ADD COLUMN completion_notes text,
        ADD COLUMN manual_reason text,
        ADD COLUMN response_breached_at timestamptz,
        ADD COLUMN resolution_breached_at timestamptz,
        ADD COLUMN rankings jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE dispatch_job ALTER COLUMN org_path DROP DEFAULT,
      ALTER COLUMN response_due_at DROP DEFAULT, ALTER COLUMN resolution_due_at DROP DEFAULT`);
    await q.query(`CREATE INDEX dispatch_job_org_path ON dispatch_job (org_path text_pattern_ops)`);
    await q.query(`CREATE INDEX dispatch_job_provider ON dispatch_job (provider_id, state) WHERE provider_id IS NOT NULL`);
    await q.query(`CREATE INDEX dispatch_job_assigned ON dispatch_job (provider_id, assigned_at) WHERE assigned_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE dispatch_offer (
        offer_id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES dispatch_job (request_id),
        round int NOT NULL,
        level text NOT NULL,
        provider_id text NOT NULL,
        provider_kind text NOT NULL,
        status text NOT NULL,
        reason text,
        offered_by text NOT NULL,
        offered_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        resolved_at timestamptz,
        UNIQUE (request_id, round, provider_id)
      )`);
    await q.query(`CREATE INDEX dispatch_offer_job ON dispatch_offer (request_id, offered_at)`);
    await q.query(`CREATE INDEX dispatch_offer_open ON dispatch_offer (provider_id, expires_at) WHERE status = 'open'`);
    await q.query(`
      CREATE TABLE dispatch_clock (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES dispatch_job (request_id),
        kind text NOT NULL,
        offer_id uuid,
        due_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX dispatch_clock_due ON dispatch_clock (due_at)`);
    await q.query(`CREATE INDEX dispatch_clock_job ON dispatch_clock (request_id)`);
    await q.query(`
      CREATE TABLE dispatch_provider (
        provider_id text PRIMARY KEY,
        provider_kind text NOT NULL,
        display_name text NOT NULL,
        active boolean NOT NULL,
        categories text[] NOT NULL,
        coverage text[] NOT NULL,
        availability jsonb NOT NULL,
        paused_until timestamptz,
        max_concurrent_jobs int NOT NULL,
        takes_free_jobs boolean NOT NULL,
        lat double precision,
        lng double precision,
        version int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dispatch_provider_categories ON dispatch_provider USING gin (categories)`);
    await q.query(`
      CREATE TABLE dispatch_provider_quality (
        provider_id text PRIMARY KEY,
        ratings_count int NOT NULL,
        mean_stars double precision,
        bayesian_score double precision NOT NULL,
        acceptance_rate double precision,
        on_time_rate double precision,
        response_rate double precision NOT NULL,
        resolution_rate double precision NOT NULL,
        as_of timestamptz NOT NULL,
        version int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE dispatch_idempotency (
        principal_id text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dispatch_idempotency');
    await q.query('DROP TABLE dispatch_provider_quality');
    await q.query('DROP TABLE dispatch_provider');
    await q.query('DROP TABLE dispatch_clock');
    await q.query('DROP TABLE dispatch_offer');
    await q.query(`ALTER TABLE dispatch_job
      DROP COLUMN org_path, DROP COLUMN correlation_id, DROP COLUMN summary, DROP COLUMN lat, DROP COLUMN lng, DROP COLUMN preferred_from,
      DROP COLUMN preferred_to, DROP COLUMN preferred_provider_id, DROP COLUMN response_due_at, DROP COLUMN resolution_due_at,
      DROP COLUMN level, DROP COLUMN round, DROP COLUMN provider_id, DROP COLUMN provider_kind, DROP COLUMN provider_name,
      DROP COLUMN previous_provider_id, DROP COLUMN assigned_at, DROP COLUMN responded_at, DROP COLUMN on_site_at,
      DROP COLUMN completed_at, DROP COLUMN price_charged_fen, DROP COLUMN completion_notes, DROP COLUMN manual_reason,
      DROP COLUMN response_breached_at, DROP COLUMN resolution_breached_at, DROP COLUMN rankings, DROP COLUMN updated_at`);
  }
}
