import { CATEGORY_CODE } from '../registration/application.dto';
import { Public } from '@bangbang/auth';
import { UNIT_PATH } from '@bangbang/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { type TeamRatingSums, teamScore } from './team-scorecard';

export class PublicTeamsQuery {
  /** A community's org path: teams placed in it, its street or the district. */
  @IsOptional() @Matches(UNIT_PATH, { message: 'community must be an org path like /district/street/community/' }) community?: string;
  /** Teams with a member holding a valid certificate for it. */
  @IsOptional() @Matches(CATEGORY_CODE, { message: 'category must be a category code' }) category?: string;
}

export class TeamTag {
  tag: string;
  count: number;
}

/** A team's scorecard, from the ratings of its members' jobs, on the same scale as a provider's. */
export class TeamScorecard {
  ratingsCount: number;
  meanStars: number | null;
  bayesianScore: number;
  topTags: TeamTag[];
}

/** What a resident choosing who helps may see of a team: no member's name or phone. */
export class PublicTeam {
  id: string;
  name: string;
  orgPath: string;
  members: number;
  /** The categories its members hold a valid certificate for. */
  categories: string[];
  /** Volunteers serve free: always true, said so that teams and units read alike. */
  takesFreeJobs: boolean;
  scorecard: TeamScorecard;
}

type Row = Omit<PublicTeam, 'scorecard' | 'takesFreeJobs'> & TeamRatingSums;

// Approved members only: an applicant or a suspended volunteer neither serves nor speaks for the team.
const LISTING = `
  WITH serving AS (
    SELECT m.team_id, m.volunteer_id FROM team_member m JOIN volunteer v ON v.id = m.volunteer_id AND v.status = 'approved'
  )
  SELECT t.id, t.name, t.org_path AS "orgPath",
         (SELECT count(*)::int FROM serving s WHERE s.team_id = t.id) AS members,
         (SELECT coalesce(array_agg(DISTINCT c.category_code ORDER BY c.category_code), '{}')
            FROM serving s JOIN volunteer_certificate c ON c.volunteer_id = s.volunteer_id AND c.expires_at > now()
           WHERE s.team_id = t.id) AS categories,
         (SELECT count(*)::int FROM serving s JOIN volunteer_rating r ON r.volunteer_id = s.volunteer_id WHERE s.team_id = t.id) AS ratings,
         (SELECT coalesce(sum(r.stars), 0)::int FROM serving s JOIN volunteer_rating r ON r.volunteer_id = s.volunteer_id
           WHERE s.team_id = t.id) AS "starsSum",
         (SELECT coalesce(json_object_agg(tag, n), '{}') FROM (
            SELECT tag, count(*)::int AS n FROM serving s JOIN volunteer_rating r ON r.volunteer_id = s.volunteer_id, unnest(r.tags) tag
             WHERE s.team_id = t.id GROUP BY tag) tags) AS tags
  FROM team t
  WHERE EXISTS (SELECT 1 FROM serving s WHERE s.team_id = t.id)`;

/**
 * The volunteer teams for the residents' site beside the partner units: `GET /public/teams`,
 * through the gateway at `/api/volunteer/public/teams`, rate-limited per IP there. Best first by
 * the Bayesian score, as units are.
 */
@Controller('public/teams')
@Public()
export class PublicTeamsController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  async list(@Query() q: PublicTeamsQuery): Promise<PublicTeam[]> {
    const params: string[] = [];
    let sql = LISTING;
    if (q.community) {
      params.push(q.community);
      sql += ` AND starts_with($${params.length}, t.org_path)`;
    }
    if (q.category) {
      params.push(q.category);
      sql += ` AND EXISTS (SELECT 1 FROM serving s JOIN volunteer_certificate c ON c.volunteer_id = s.volunteer_id
                 WHERE s.team_id = t.id AND c.category_code = $${params.length} AND c.expires_at > now())`;
    }
    const rows = await this.ds.query<Row[]>(`${sql} ORDER BY t.name LIMIT 200`, params);
    return rows
      .map(({ ratings, starsSum, tags, ...team }) => ({
        ...team,
        takesFreeJobs: true,
        scorecard: teamScore({ ratings, starsSum, tags }),
      }))
      .sort((a, b) => b.scorecard.bayesianScore - a.scorecard.bayesianScore || a.name.localeCompare(b.name, 'zh'));
  }
}
