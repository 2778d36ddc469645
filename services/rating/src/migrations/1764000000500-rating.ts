import { MigrationInterface, QueryRunner } from 'typeorm';

const counters = [
  'response_due',
  'response_ok',
  'resolution_due',
  'resolution_ok',
  'breaches',
  'ratings',
  'team_ok',
  'provider_ok',
  'provider_stars',
  'tag_punctual',
  'tag_polite',
  'tag_tidy',
  'tag_price_as_quoted',
];

export class Rating1764000000500 implements MigrationInterface {
  name = 'Rating1764000000500';

  async up(q: QueryRunner): Promise<void> {
    // The facts of each job as the figures see them (see figures/job-fact.ts), kept to recompute.
    await q.query(`
      CREATE TABLE job_fact (
        request_id uuid PRIMARY KEY,
        org_path text,
        fact jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE daily_figure (
        dim text NOT NULL,
        key text NOT NULL,
        day date NOT NULL,
        ${counters.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (dim, key, day)
      )`);
    await q.query('CREATE INDEX daily_figure_day ON daily_figure (dim, day)');
    await q.query(`
      CREATE TABLE rating (
        request_id uuid PRIMARY KEY,
        rating_id uuid NOT NULL UNIQUE,
        revision integer NOT NULL,
        cycle integer NOT NULL,
        org_path text NOT NULL,
        category_code text NOT NULL,
        provider_id text NOT NULL,
        provider_kind text NOT NULL,
        team text NOT NULL,
        provider text NOT NULL,
        solved boolean NOT NULL,
        tags text[] NOT NULL,
        comment text,
        comment_status text NOT NULL,
        comment_screened_by text,
        channel text NOT NULL,
        rated_by text NOT NULL,
        rated_at timestamptz NOT NULL,
        first_rated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX rating_provider ON rating (provider_id, comment_status, rated_at)');
    await q.query('CREATE INDEX rating_comment_queue ON rating (comment_status, org_path)');
    await q.query(`
      CREATE TABLE rating_revision (
        request_id uuid NOT NULL,
        revision integer NOT NULL,
        cycle integer NOT NULL,
        team text NOT NULL,
        provider text NOT NULL,
        solved boolean NOT NULL,
        tags text[] NOT NULL,
        comment text,
        channel text NOT NULL,
        rated_by text NOT NULL,
        rated_at timestamptz NOT NULL,
        reason text,
        PRIMARY KEY (request_id, revision)
      )`);
    await q.query(`
      CREATE TABLE rating_link (
        request_id uuid PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        cycle integer NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE redo (
        request_id uuid NOT NULL,
        cycle integer NOT NULL,
        reason text NOT NULL,
        requested_at timestamptz NOT NULL,
        PRIMARY KEY (request_id, cycle)
      )`);
    await q.query(`
      CREATE TABLE follow_up (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL,
        cycle integer NOT NULL,
        reason text NOT NULL,
        org_path text NOT NULL,
        category_code text NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        result text,
        notes text,
        closed_by text,
        closed_at timestamptz,
        UNIQUE (request_id, cycle, reason)
      )`);
    await q.query('CREATE INDEX follow_up_queue ON follow_up (status, org_path, created_at)');
    await q.query(`
      CREATE TABLE follow_up_clock (
        request_id uuid PRIMARY KEY,
        cycle integer NOT NULL,
        due_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX follow_up_clock_due ON follow_up_clock (due_at)');
    await q.query(`
      CREATE TABLE provider_quality (
        provider_id text PRIMARY KEY,
        provider_kind text NOT NULL,
        version integer NOT NULL,
        figures jsonb,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'provider_quality',
      'follow_up_clock',
      'follow_up',
      'redo',
      'rating_link',
      'rating_revision',
      'rating',
      'daily_figure',
      'job_fact',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
