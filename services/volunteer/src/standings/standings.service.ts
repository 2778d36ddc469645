import { likePrefix } from '@bangbang/auth';
import { ConflictException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EARNING_KINDS } from '../ledger/ledger.service';
import { PointsConfigService } from '../points/points-config.service';
import { StarLevel, starLevel } from '../points/points-rules';
import { Period, periodOf, rank, Ranked, Scored } from './rankings';

export class Figures {
  activeVolunteers: number;
  volunteersServing: number;
  hoursServed: number;
  jobsDone: number;
  pointsEarned: number;
}

const EMPTY: Figures = { activeVolunteers: 0, volunteersServing: 0, hoursServed: 0, jobsDone: 0, pointsEarned: 0 };

export class CommunityFigures extends Figures {
  orgPath: string;
}

/** A unit's volunteering figures for a period, in total and by community. */
export class UnitFigures {
  unit: string;
  from: Date;
  to: Date;
  totals: Figures;
  byCommunity: CommunityFigures[];
}

/** A community's star list for a year: who reached a star level, and whether an admin confirmed it. */
export class YearEndList {
  unit: string;
  year: number;
  period: Period;
  starThresholds: number[];
  stars: (Ranked & StarLevel & { yearPoints: number })[];
  confirmed: { confirmedBy: string; confirmedAt: Date; stars: unknown } | null;
}

@Injectable()
export class StandingsService {
  constructor(private readonly config: PointsConfigService) {}

  /** Points earned in the period by the volunteers living under the unit. */
  async scores(m: EntityManager, unitPath: string, from: Date, to: Date): Promise<Scored[]> {
    return m.query(
      `SELECT v.id AS "volunteerId", v.display_name AS "displayName", v.org_path AS "orgPath", sum(l.amount)::int AS points
       FROM ledger_entry e
       JOIN ledger_line l ON l.entry_id = e.id AND l.account_id = 'volunteer:' || e.volunteer_id
       JOIN volunteer v ON v.id = e.volunteer_id
       WHERE e.kind = ANY($1) AND l.posted_at >= $2 AND l.posted_at < $3 AND v.org_path LIKE $4
       GROUP BY v.id`,
      [EARNING_KINDS, from, to, likePrefix(unitPath)],
    );
  }

  async ranking(m: EntityManager, unitPath: string, period: Period): Promise<Ranked[]> {
    return rank(await this.scores(m, unitPath, period.from, period.to));
  }

  /** The year's ranking in a community, with each volunteer's star level at the year's end; only starred volunteers. */
  async yearEnd(m: EntityManager, communityPath: string, year: number): Promise<YearEndList> {
    const period = periodOf('year', String(year));
    const { starThresholds } = await this.config.effective(m, communityPath);
    const ranked = await this.ranking(m, communityPath, period);
    const lifetime: { id: string; p: string }[] = await m.query(
      `SELECT e.volunteer_id AS id, sum(l.amount) AS p FROM ledger_entry e
       JOIN ledger_line l ON l.entry_id = e.id AND l.account_id = 'volunteer:' || e.volunteer_id
       WHERE e.kind = ANY($1) AND l.posted_at < $2 AND e.volunteer_id = ANY($3) GROUP BY e.volunteer_id`,
      [EARNING_KINDS, period.to, ranked.map((r) => r.volunteerId)],
    );
    const byId = new Map(lifetime.map((r) => [r.id, Number(r.p)]));
    const stars = ranked
      .map((r) => ({ ...r, yearPoints: r.points, ...starLevel(byId.get(r.volunteerId) ?? 0, starThresholds) }))
      .filter((r) => r.stars > 0);
    const [confirmed] = await m.query<[{ confirmedBy: string; confirmedAt: Date; stars: unknown }?]>(
      'SELECT confirmed_by AS "confirmedBy", confirmed_at AS "confirmedAt", stars FROM year_end_list WHERE org_path = $1 AND year = $2',
      [communityPath, year],
    );
    return { unit: communityPath, year, period, starThresholds, stars, confirmed: confirmed ?? null };
  }

  async confirmYearEnd(m: EntityManager, communityPath: string, year: number, by: string): Promise<YearEndList> {
    const list = await this.yearEnd(m, communityPath, year);
    if (list.confirmed)
      throw new ConflictException(
        `the ${year} star list of ${communityPath} was confirmed already at ${list.confirmed.confirmedAt.toISOString()}`,
      );
    await m.query('INSERT INTO year_end_list (org_path, year, stars, confirmed_by) VALUES ($1, $2, $3, $4)', [
      communityPath,
      year,
      JSON.stringify(list.stars),
      by,
    ]);
    return this.yearEnd(m, communityPath, year);
  }

  /** Console figures for a unit and period, by community (a volunteer counts where they live). */
  async figures(m: EntityManager, unitPath: string, from: Date, to: Date): Promise<UnitFigures> {
    const prefix = likePrefix(unitPath);
    type Counts = { path: string; n: number }[];
    const [active, hours, jobs, points, serving] = await Promise.all([
      m.query<Counts>(
        `SELECT v.org_path AS path, count(*)::int AS n FROM volunteer v WHERE v.org_path LIKE $1 AND v.status = 'approved'
         AND (SELECT count(*) FROM training_record t WHERE t.volunteer_id = v.id) = 4 GROUP BY 1`,
        [prefix],
      ),
      m.query<Counts>(
        `SELECT v.org_path AS path, coalesce(sum(s.minutes), 0)::int AS n FROM activity_signup s JOIN volunteer v ON v.id = s.volunteer_id
         WHERE v.org_path LIKE $1 AND s.checked_out_at >= $2 AND s.checked_out_at < $3 GROUP BY 1`,
        [prefix, from, to],
      ),
      m.query<Counts>(
        `SELECT org_path AS path, count(*)::int AS n FROM job_signoff WHERE org_path LIKE $1 AND signed_off_at >= $2 AND signed_off_at < $3 GROUP BY 1`,
        [prefix, from, to],
      ),
      m.query<Counts>(
        `SELECT e.org_path AS path, sum(l.amount)::int AS n FROM ledger_entry e JOIN ledger_line l ON l.entry_id = e.id AND l.account_id = 'volunteer:' || e.volunteer_id
         WHERE e.kind = ANY($4) AND e.org_path LIKE $1 AND l.posted_at >= $2 AND l.posted_at < $3 GROUP BY 1`,
        [prefix, from, to, EARNING_KINDS],
      ),
      m.query<Counts>(
        `SELECT path, count(DISTINCT id)::int AS n FROM (
           SELECT org_path AS path, volunteer_id AS id FROM job_signoff WHERE org_path LIKE $1 AND signed_off_at >= $2 AND signed_off_at < $3
           UNION ALL SELECT v.org_path, v.id FROM activity_signup s JOIN volunteer v ON v.id = s.volunteer_id
             WHERE v.org_path LIKE $1 AND s.checked_out_at >= $2 AND s.checked_out_at < $3) x GROUP BY 1`,
        [prefix, from, to],
      ),
    ]);
    const units = new Map<string, Figures>();
    const add = (rows: Counts, key: keyof Figures, scale = 1) => {
      for (const r of rows) {
        const f = units.get(r.path) ?? { ...EMPTY };
        f[key] += Math.floor(r.n / scale);
        units.set(r.path, f);
      }
    };
    add(active, 'activeVolunteers');
    add(serving, 'volunteersServing');
    add(hours, 'hoursServed', 60);
    add(jobs, 'jobsDone');
    add(points, 'pointsEarned');
    const byCommunity = [...units.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([orgPath, f]) => ({ orgPath, ...f }));
    const totals = byCommunity.reduce<Figures>(
      (t, f) => ({
        activeVolunteers: t.activeVolunteers + f.activeVolunteers,
        volunteersServing: t.volunteersServing + f.volunteersServing,
        hoursServed: t.hoursServed + f.hoursServed,
        jobsDone: t.jobsDone + f.jobsDone,
        pointsEarned: t.pointsEarned + f.pointsEarned,
      }),
      { ...EMPTY },
    );
    return { unit: unitPath, from, to, totals, byCommunity };
  }
}
