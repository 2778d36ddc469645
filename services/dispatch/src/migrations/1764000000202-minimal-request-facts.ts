import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dispatch needs no personal data to match: the resident's own words go (the assigned provider
 * reads them from the request service), and positions kept from request.created.v1 are rounded to
 * the 0.01° that request.created.v2 carries. Not reversible: the rounding loses what it was for.
 */
export class MinimalRequestFacts1764000000202 implements MigrationInterface {
  name = 'MinimalRequestFacts1764000000202';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dispatch_job DROP COLUMN summary;
      UPDATE dispatch_job SET lat = round(lat::numeric, 2), lng = round(lng::numeric, 2) WHERE lat IS NOT NULL OR lng IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch_job ADD COLUMN summary text`);
  }
}
