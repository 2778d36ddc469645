import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which categories Open311 shows to strangers. Home care, certificates (senior cards, birth
 * permits), job referrals and policy questions tell neighbours who is old, pregnant, out of work or
 * on an allowance, so they stay off the public list; a category added later stays off until someone
 * decides otherwise.
 */
export class Open311PublicListing1764000000140 implements MigrationInterface {
  name = 'Open311PublicListing1764000000140';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE category ADD COLUMN public_listing boolean NOT NULL DEFAULT false');
    await q.query(
      `UPDATE category SET public_listing = true WHERE code IN ('water-electric-repair', 'pipe-unclogging', 'appliance-repair', 'book-lending')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE category DROP COLUMN public_listing');
  }
}
