import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each provider's offers counted per day (UTC), kept by a trigger on every offer written, so the
 * ranking's count of a provider's last week of offers reads at most eight of these rows and one
 * day's offers, not each offer of the week (bench/README.md, "A week of offers, counted by day").
 * Nothing but the trigger writes the counts; an offer's provider and time never change.
 */
export class OfferDays1764000000204 implements MigrationInterface {
  name = 'OfferDays1764000000204';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatch_offer_day (
        provider_id text NOT NULL,
        day date NOT NULL,
        offers int NOT NULL,
        last_offered_at timestamptz NOT NULL,
        PRIMARY KEY (provider_id, day)
      )`);
    await q.query(`
      CREATE FUNCTION dispatch_offer_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO dispatch_offer_day AS d (provider_id, day, offers, last_offered_at)
        VALUES (NEW.provider_id, (NEW.offered_at AT TIME ZONE 'UTC')::date, 1, NEW.offered_at)
        ON CONFLICT (provider_id, day) DO UPDATE
          SET offers = d.offers + 1, last_offered_at = greatest(d.last_offered_at, EXCLUDED.last_offered_at);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER dispatch_offer_counted AFTER INSERT ON dispatch_offer
      FOR EACH ROW EXECUTE FUNCTION dispatch_offer_counted()`);
    // After the trigger: its lock holds back offers written meanwhile until this commits, and they are then counted by it.
    await q.query(`
      INSERT INTO dispatch_offer_day (provider_id, day, offers, last_offered_at)
      SELECT provider_id, (offered_at AT TIME ZONE 'UTC')::date, count(*), max(offered_at) FROM dispatch_offer GROUP BY 1, 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER dispatch_offer_counted ON dispatch_offer');
    await q.query('DROP FUNCTION dispatch_offer_counted()');
    await q.query('DROP TABLE dispatch_offer_day');
  }
}
