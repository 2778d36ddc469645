import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Volunteers, training, teams, activities, and the points ledger. The ledger's rules live in the
 * database as well as in the code: entries balance (checked at commit), lines are append-only, and
 * an account's cached balance moves only with its lines and never below zero except for a pool.
 */
export class Volunteer1764000000400 implements MigrationInterface {
  name = 'Volunteer1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE volunteer (
        id text PRIMARY KEY,
        org_path text NOT NULL,
        display_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('applied', 'approved', 'rejected', 'suspended')),
        availability jsonb NOT NULL,
        paused_until timestamptz,
        max_concurrent_jobs int NOT NULL CHECK (max_concurrent_jobs BETWEEN 0 AND 20),
        review_reason text,
        reviewed_by text,
        reviewed_at timestamptz,
        applied_at timestamptz NOT NULL DEFAULT now(),
        profile_version int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX volunteer_org_path ON volunteer (org_path text_pattern_ops, status)`);
    await q.query(`
      CREATE TABLE volunteer_certificate (
        volunteer_id text NOT NULL REFERENCES volunteer (id),
        category_code text NOT NULL,
        name text NOT NULL,
        number text NOT NULL,
        expires_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (volunteer_id, category_code)
      )`);
    await q.query(`
      CREATE TABLE training_record (
        volunteer_id text NOT NULL REFERENCES volunteer (id),
        module text NOT NULL CHECK (module IN ('ethos', 'procedure', 'skills', 'safety')),
        completed_on date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (volunteer_id, module)
      )`);
    // Moments at which a volunteer's provider profile changes by itself (a certificate lapses, a
    // pause ends): the scanner republishes the profile when one falls due.
    await q.query(`
      CREATE TABLE profile_refresh (
        id bigserial PRIMARY KEY,
        volunteer_id text NOT NULL REFERENCES volunteer (id),
        due_at timestamptz NOT NULL,
        reason text NOT NULL
      )`);
    await q.query(`CREATE INDEX profile_refresh_due ON profile_refresh (due_at)`);

    await q.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY,
        org_path text NOT NULL,
        name text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_path, name)
      )`);
    await q.query(`
      CREATE TABLE team_member (
        team_id uuid NOT NULL REFERENCES team (id),
        volunteer_id text NOT NULL REFERENCES volunteer (id),
        role text NOT NULL CHECK (role IN ('leader', 'member')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, volunteer_id)
      )`);
    await q.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY,
        org_path text NOT NULL,
        team_id uuid REFERENCES team (id),
        title text NOT NULL,
        place text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity int NOT NULL CHECK (capacity > 0),
        points_per_hour int NOT NULL CHECK (points_per_hour >= 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX activity_org_path ON activity (org_path text_pattern_ops, starts_at)`);
    await q.query(`
      CREATE TABLE activity_signup (
        activity_id uuid NOT NULL REFERENCES activity (id),
        volunteer_id text NOT NULL REFERENCES volunteer (id),
        signed_up_at timestamptz NOT NULL DEFAULT now(),
        checked_in_at timestamptz,
        checked_in_by text,
        checked_out_at timestamptz,
        checked_out_by text,
        minutes int,
        PRIMARY KEY (activity_id, volunteer_id)
      )`);

    await q.query(`
      CREATE TABLE ledger_account (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('volunteer', 'pool', 'rewards', 'exchange')),
        org_path text NOT NULL,
        balance bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_account_not_overdrawn CHECK (kind = 'pool' OR balance >= 0)
      )`);
    await q.query(`
      CREATE TABLE ledger_entry (
        id uuid PRIMARY KEY,
        seq bigserial UNIQUE,
        kind text NOT NULL CHECK (kind IN ('job', 'activity', 'bonus', 'redemption', 'exchange', 'correction')),
        reference text NOT NULL UNIQUE,
        volunteer_id text NOT NULL,
        org_path text NOT NULL,
        reason text,
        posted_by text NOT NULL,
        posted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ledger_entry_period ON ledger_entry (org_path text_pattern_ops, posted_at)`);
    await q.query(`
      CREATE TABLE ledger_line (
        entry_id uuid NOT NULL REFERENCES ledger_entry (id),
        account_id text NOT NULL REFERENCES ledger_account (id),
        amount bigint NOT NULL CHECK (amount <> 0),
        posted_at timestamptz NOT NULL,
        PRIMARY KEY (entry_id, account_id)
      )`);
    await q.query(`CREATE INDEX ledger_line_account ON ledger_line (account_id, posted_at)`);
    await q.query(`
      CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the points ledger is append-only: post a compensating entry instead'; END $$`);
    for (const table of ['ledger_entry', 'ledger_line']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`,
      );
    }
    await q.query(`
      CREATE FUNCTION ledger_line_moves_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ledger_account SET balance = balance + NEW.amount WHERE id = NEW.account_id;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER ledger_line_balance AFTER INSERT ON ledger_line FOR EACH ROW EXECUTE FUNCTION ledger_line_moves_balance()`,
    );
    // The cached balance moves only from the line trigger above (nested, so depth 2), never by hand.
    await q.query(`
      CREATE FUNCTION ledger_balance_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.balance IS DISTINCT FROM OLD.balance AND pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'a balance is derived from ledger lines and cannot be set';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER ledger_account_balance_guard BEFORE UPDATE ON ledger_account FOR EACH ROW EXECUTE FUNCTION ledger_balance_guard()`,
    );
    await q.query(`
      CREATE FUNCTION ledger_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE total bigint; n int;
      BEGIN
        SELECT coalesce(sum(amount), 0), count(*) INTO total, n FROM ledger_line WHERE entry_id = NEW.entry_id;
        IF total <> 0 OR n < 2 THEN
          RAISE EXCEPTION 'ledger entry % does not balance: % line(s) summing to %', NEW.entry_id, n, total;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_line_entry_balances AFTER INSERT ON ledger_line
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balances()`);

    await q.query(`
      CREATE TABLE points_config (
        org_path text PRIMARY KEY,
        config jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE reward (
        id uuid PRIMARY KEY,
        org_path text NOT NULL,
        name text NOT NULL,
        cost_points int NOT NULL CHECK (cost_points > 0),
        stock int NOT NULL CHECK (stock >= 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE redemption (
        id uuid PRIMARY KEY,
        reward_id uuid NOT NULL REFERENCES reward (id),
        volunteer_id text NOT NULL REFERENCES volunteer (id),
        points int NOT NULL,
        entry_id uuid NOT NULL REFERENCES ledger_entry (id),
        status text NOT NULL CHECK (status IN ('reserved', 'handed_over')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE service_exchange (
        id uuid PRIMARY KEY,
        volunteer_id text NOT NULL REFERENCES volunteer (id),
        org_path text NOT NULL,
        category_code text NOT NULL,
        points int NOT NULL,
        entry_id uuid NOT NULL REFERENCES ledger_entry (id),
        status text NOT NULL CHECK (status IN ('issued', 'used')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE job_signoff (
        request_id uuid PRIMARY KEY,
        volunteer_id text NOT NULL,
        org_path text NOT NULL,
        category_code text NOT NULL,
        solved boolean NOT NULL,
        signed_off_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX job_signoff_period ON job_signoff (org_path text_pattern_ops, signed_off_at)`);
    await q.query(`
      CREATE TABLE offer_view (
        offer_id uuid PRIMARY KEY,
        request_id uuid NOT NULL,
        volunteer_id text NOT NULL,
        org_path text NOT NULL,
        category_code text NOT NULL,
        urgency text,
        fee_policy text,
        summary text,
        status text NOT NULL,
        expires_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX offer_view_volunteer ON offer_view (volunteer_id, status)`);
    await q.query(`
      CREATE TABLE year_end_list (
        org_path text NOT NULL,
        year int NOT NULL,
        stars jsonb NOT NULL,
        confirmed_by text NOT NULL,
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_path, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'year_end_list',
      'offer_view',
      'job_signoff',
      'service_exchange',
      'redemption',
      'reward',
      'points_config',
      'ledger_line',
      'ledger_entry',
      'ledger_account',
      'activity_signup',
      'activity',
      'team_member',
      'team',
      'profile_refresh',
      'training_record',
      'volunteer_certificate',
      'volunteer',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    for (const fn of ['ledger_append_only', 'ledger_line_moves_balance', 'ledger_balance_guard', 'ledger_entry_balances']) {
      await q.query(`DROP FUNCTION ${fn}`);
    }
  }
}
