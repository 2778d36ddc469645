import { MigrationInterface, QueryRunner } from 'typeorm';

export class Gateway1764000000300 implements MigrationInterface {
  name = 'Gateway1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE signing_key (
        kid text PRIMARY KEY,
        private_jwk jsonb NOT NULL,
        public_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        signs_from timestamptz NOT NULL,
        signs_until timestamptz NOT NULL,
        published_until timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE org_unit (
        code text PRIMARY KEY,
        level text NOT NULL CHECK (level IN ('district', 'street', 'community')),
        parent_code text REFERENCES org_unit (code),
        org_path text NOT NULL UNIQUE,
        name_zh text NOT NULL,
        name_pinyin text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'retired')),
        retired_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((level = 'district') = (parent_code IS NULL))
      )`);
    await q.query('CREATE INDEX org_unit_path ON org_unit (org_path text_pattern_ops)');
    await q.query(`
      CREATE TABLE staff_user (
        id uuid PRIMARY KEY,
        username text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        phone text,
        role text NOT NULL,
        unit_code text NOT NULL REFERENCES org_unit (code),
        org_path text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'disabled')),
        failed_attempts int NOT NULL DEFAULT 0,
        first_failed_at timestamptz,
        locked_until timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE UNIQUE INDEX staff_user_username ON staff_user (lower(username))');
    await q.query('CREATE INDEX staff_user_org_path ON staff_user (org_path text_pattern_ops)');
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES staff_user (id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query('CREATE INDEX refresh_token_family ON refresh_token (family_id)');
    await q.query('CREATE INDEX refresh_token_user ON refresh_token (user_id)');
    await q.query(`
      CREATE TABLE audit_record (
        id uuid PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        source text NOT NULL,
        actor_id text NOT NULL,
        actor_kind text NOT NULL,
        actor_role text NOT NULL,
        actor_org_path text NOT NULL,
        action text NOT NULL,
        resource_type text NOT NULL,
        resource_id text NOT NULL,
        purpose text,
        status int,
        ip text,
        user_agent text,
        correlation_id text
      )`);
    await q.query('CREATE INDEX audit_record_scope_time ON audit_record (actor_org_path text_pattern_ops, occurred_at DESC)');
    await q.query('CREATE INDEX audit_record_actor ON audit_record (actor_id, occurred_at DESC)');
    await q.query('CREATE INDEX audit_record_resource ON audit_record (resource_type, resource_id)');
    await q.query(`
      CREATE TABLE merchant_api_key (
        key_id uuid PRIMARY KEY,
        unit_id text NOT NULL,
        org_path text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['merchant_api_key', 'audit_record', 'refresh_token', 'staff_user', 'org_unit', 'signing_key']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
