import { MigrationInterface, QueryRunner } from 'typeorm';

/** Partner units, offerings, API keys, webhooks with their durable deliveries, job facts and credit. */
export class Merchant1764000000400 implements MigrationInterface {
  name = 'Merchant1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partner_unit (
        id uuid PRIMARY KEY,
        org_path text NOT NULL,
        kind text NOT NULL,
        legal_name text NOT NULL,
        display_name text NOT NULL,
        licence_no text NOT NULL,
        contact_name text NOT NULL,
        contact_phone text NOT NULL,
        coverage text[] NOT NULL,
        service_hours jsonb NOT NULL,
        max_concurrent_jobs int NOT NULL,
        takes_free_jobs boolean NOT NULL,
        status text NOT NULL,
        status_reason text NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX partner_unit_org_path ON partner_unit (org_path text_pattern_ops)');
    await q.query("CREATE INDEX partner_unit_active ON partner_unit USING gin (coverage) WHERE status = 'active'");
    await q.query(`
      CREATE TABLE unit_status_change (
        id bigserial PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES partner_unit (id),
        from_status text,
        to_status text NOT NULL,
        reason text NOT NULL,
        actor_id text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX unit_status_change_unit ON unit_status_change (unit_id, at)');
    await q.query(`
      CREATE TABLE offering (
        unit_id uuid NOT NULL REFERENCES partner_unit (id),
        category_code text NOT NULL,
        description text NOT NULL,
        price_min_fen int NOT NULL CHECK (price_min_fen >= 0),
        price_max_fen int NOT NULL CHECK (price_max_fen >= price_min_fen),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_id, category_code)
      )`);
    await q.query('CREATE INDEX offering_category ON offering (category_code)');
    await q.query(`
      CREATE TABLE api_key (
        key_id uuid PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES partner_unit (id),
        org_path text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL DEFAULT now(),
        revoke_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query('CREATE INDEX api_key_unit ON api_key (unit_id)');
    await q.query('CREATE INDEX api_key_due ON api_key (revoke_at) WHERE revoked_at IS NULL AND revoke_at IS NOT NULL');
    await q.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES partner_unit (id),
        org_path text NOT NULL,
        url text NOT NULL,
        description text,
        event_types text[] NOT NULL,
        secret_sealed text NOT NULL,
        previous_secret_sealed text,
        previous_secret_until timestamptz,
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        failing_since timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query('CREATE INDEX webhook_endpoint_unit ON webhook_endpoint (unit_id) WHERE deleted_at IS NULL');
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY,
        message_id text NOT NULL,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint (id),
        unit_id uuid NOT NULL,
        org_path text NOT NULL,
        event_type text NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        step int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_status_code int,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (message_id, endpoint_id)
      )`);
    // The sender's queue: only pending rows, by due time.
    await q.query(`CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending'`);
    await q.query('CREATE INDEX webhook_delivery_unit ON webhook_delivery (unit_id, status, created_at)');
    await q.query(`
      CREATE TABLE webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_delivery (id),
        attempt int NOT NULL,
        started_at timestamptz NOT NULL,
        latency_ms int NOT NULL,
        status_code int,
        error text,
        outcome text NOT NULL
      )`);
    await q.query('CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, attempt)');
    await q.query(`
      CREATE TABLE unit_offer (
        offer_id uuid PRIMARY KEY,
        unit_id uuid NOT NULL,
        request_id uuid NOT NULL,
        status text NOT NULL,
        fee_policy text,
        at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX unit_offer_unit ON unit_offer (unit_id, status)');
    await q.query(`
      CREATE TABLE unit_job (
        request_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        org_path text NOT NULL,
        category_code text NOT NULL,
        holding boolean NOT NULL DEFAULT false,
        fee_policy text,
        assigned_at timestamptz,
        on_site_at timestamptz,
        completed_at timestamptz,
        price_charged_fen int,
        overcharge_flagged boolean NOT NULL DEFAULT false,
        signed_off_at timestamptz,
        finished_on_time boolean,
        deadline_breached boolean NOT NULL DEFAULT false,
        redo_count int NOT NULL DEFAULT 0,
        cancelled_at timestamptz,
        PRIMARY KEY (request_id, unit_id)
      )`);
    await q.query('CREATE INDEX unit_job_unit ON unit_job (unit_id)');
    await q.query(`
      CREATE TABLE unit_rating (
        request_id uuid PRIMARY KEY,
        unit_id uuid NOT NULL,
        provider text NOT NULL,
        solved boolean NOT NULL,
        revision int NOT NULL,
        rated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX unit_rating_unit ON unit_rating (unit_id)');
    await q.query(`
      CREATE TABLE unit_credit (
        unit_id uuid PRIMARY KEY,
        score double precision NOT NULL,
        components jsonb NOT NULL,
        flagged_low boolean NOT NULL DEFAULT false,
        version int NOT NULL,
        quality jsonb,
        quality_version int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE idempotency_key (
        principal_id text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        status int,
        body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_key',
      'unit_credit',
      'unit_rating',
      'unit_job',
      'unit_offer',
      'webhook_attempt',
      'webhook_delivery',
      'webhook_endpoint',
      'api_key',
      'offering',
      'unit_status_change',
      'partner_unit',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
