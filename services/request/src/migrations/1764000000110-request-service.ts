import { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES: Array<[code: string, nameZh: string, nameEn: string, kind: string, urgency: string, group: string, description: string]> =
  [
    [
      'water-electric-repair',
      '水电维修',
      'Water and electrical repair',
      'home_service',
      'utilities',
      'home',
      'Leaks, no water, power cuts, faulty sockets and switches',
    ],
    ['pipe-unclogging', '管道疏通', 'Pipe unclogging', 'home_service', 'utilities', 'home', 'Blocked drains, toilets and sewer pipes'],
    [
      'appliance-repair',
      '家电维修',
      'Appliance repair',
      'home_service',
      'general',
      'home',
      'Washing machines, fridges, air conditioners, water heaters',
    ],
    ['home-haircut', '上门理发', 'Home haircut', 'home_service', 'general', 'care', 'A haircut at home for residents who cannot go out'],
    [
      'policy-consultation',
      '政策咨询',
      'Policy consultation',
      'consultation',
      'general',
      'community',
      'Questions on social security, allowances, housing and other policies',
    ],
    [
      'certificate-appointment',
      '证件上门办理',
      'Certificate appointment with a home visit',
      'home_service',
      'complex',
      'community',
      'Birth permits, senior cards and other certificates, handled at home',
    ],
    [
      'book-lending',
      '图书借阅',
      'Book lending',
      'home_service',
      'general',
      'community',
      'Books from the community library brought to the door',
    ],
    [
      'job-referral',
      '就业推荐',
      'Job referral',
      'home_service',
      'complex',
      'community',
      'Job matching and referrals, with a visit from a community worker',
    ],
  ];

/** Replaces the walking skeleton's request table (demo rows only) with the request service's model. */
export class RequestService1764000000110 implements MigrationInterface {
  name = 'RequestService1764000000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE service_request');
    await q.query(`
      CREATE TABLE category (
        code text PRIMARY KEY,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('home_service', 'consultation')),
        urgency text NOT NULL CHECK (urgency IN ('emergency', 'utilities', 'general', 'complex')),
        group_code text NOT NULL,
        description text NOT NULL,
        sort int NOT NULL
      )`);
    for (const [i, c] of CATEGORIES.entries()) {
      await q.query('INSERT INTO category VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [c[0], c[1], c[2], c[3], c[4], c[5], c[6], i + 1]);
    }
    await q.query(`
      CREATE TABLE community_category (
        community_code text NOT NULL,
        category_code text NOT NULL REFERENCES category,
        org_path text NOT NULL,
        enabled boolean NOT NULL,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (community_code, category_code)
      )`);
    await q.query(`
      CREATE TABLE household (
        id uuid PRIMARY KEY,
        community_code text NOT NULL,
        org_path text NOT NULL,
        address text NOT NULL,
        lat double precision,
        lng double precision,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX household_org_path ON household (org_path text_pattern_ops)');
    await q.query(`
      CREATE TABLE resident (
        id uuid PRIMARY KEY,
        household_id uuid NOT NULL REFERENCES household,
        name text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        preferred_contact text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX resident_household ON resident (household_id)');
    // Exact numbers through the b-tree, "last digits" through the reversed number's prefix.
    await q.query(`
      CREATE TABLE resident_phone (
        resident_id uuid NOT NULL REFERENCES resident ON DELETE CASCADE,
        phone text NOT NULL,
        PRIMARY KEY (resident_id, phone)
      )`);
    await q.query('CREATE INDEX resident_phone_number ON resident_phone (phone)');
    await q.query('CREATE INDEX resident_phone_suffix ON resident_phone (reverse(phone) text_pattern_ops)');
    await q.query(`
      CREATE TABLE fee_eligibility (
        id uuid PRIMARY KEY,
        household_id uuid NOT NULL REFERENCES household,
        org_path text NOT NULL,
        reason text NOT NULL,
        evidence text NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL,
        granted_by text NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by text,
        CHECK (valid_until > valid_from)
      )`);
    await q.query('CREATE INDEX fee_eligibility_household ON fee_eligibility (household_id)');
    await q.query(`
      CREATE TABLE service_request (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        household_id uuid NOT NULL REFERENCES household,
        resident_id uuid REFERENCES resident,
        community_code text NOT NULL,
        org_path text NOT NULL,
        category_code text NOT NULL REFERENCES category,
        kind text NOT NULL,
        urgency text NOT NULL,
        fee_policy text NOT NULL,
        description text NOT NULL,
        channel text NOT NULL,
        open311_client_id uuid,
        preferred_from timestamptz,
        preferred_to timestamptz,
        chosen_provider_id text,
        status text NOT NULL,
        answer text,
        provider_id text,
        provider_kind text,
        provider_name text,
        escalation_level text,
        price_charged_fen int,
        solved boolean,
        reopen_count int NOT NULL DEFAULT 0,
        cancel_reason text,
        response_due_at timestamptz NOT NULL,
        resolution_due_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        assigned_at timestamptz,
        arrived_at timestamptz,
        completed_at timestamptz,
        signed_off_at timestamptz,
        closed_at timestamptz,
        last_fact_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX service_request_household ON service_request (household_id, received_at DESC)');
    await q.query('CREATE INDEX service_request_scope ON service_request (org_path text_pattern_ops, received_at DESC)');
    await q.query(`CREATE INDEX service_request_to_close ON service_request (signed_off_at) WHERE status = 'signed_off'`);
    await q.query(`
      CREATE TABLE request_timeline (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES service_request,
        at timestamptz NOT NULL,
        actor_kind text NOT NULL,
        actor_id text NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        note text
      )`);
    await q.query('CREATE INDEX request_timeline_request ON request_timeline (request_id, id)');
    await q.query(`
      CREATE TABLE idempotency_key (
        principal_id text NOT NULL,
        key text NOT NULL,
        body_hash text NOT NULL,
        status_code int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal_id, key)
      )`);
    await q.query(`
      CREATE TABLE sign_off_code (
        request_id uuid PRIMARY KEY REFERENCES service_request,
        code_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE open311_client (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        org_path text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL,
        recipient text NOT NULL,
        template text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'notification',
      'open311_client',
      'sign_off_code',
      'idempotency_key',
      'request_timeline',
      'service_request',
      'fee_eligibility',
      'resident_phone',
      'resident',
      'household',
      'community_category',
      'category',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`
      CREATE TABLE service_request (
        id uuid PRIMARY KEY, number text NOT NULL UNIQUE, community_id text NOT NULL, category_code text NOT NULL,
        urgency text NOT NULL, fee_policy text NOT NULL, description text NOT NULL, status text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }
}
