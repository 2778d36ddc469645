import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Residents' ratings of volunteers' jobs, the newest per job: the teams' public scorecards add up
 * their members' ratings here, since the rating service keeps scorecards per provider only.
 */
export class VolunteerRatings1764000000403 implements MigrationInterface {
  name = 'VolunteerRatings1764000000403';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE volunteer_rating (
        request_id uuid PRIMARY KEY,
        volunteer_id text NOT NULL,
        stars int NOT NULL CHECK (stars BETWEEN 1 AND 5),
        tags text[] NOT NULL,
        revision int NOT NULL,
        rated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX volunteer_rating_volunteer ON volunteer_rating (volunteer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE volunteer_rating');
  }
}
