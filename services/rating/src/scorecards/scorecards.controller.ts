import { Public } from '@bangbang/auth';
import { QUALITY_PRIOR, SATISFACTION_STARS, topTags, type ProviderKind, type Satisfaction } from '@bangbang/contracts';
import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { providerFigures, RECENT_DAYS } from '../figures/provider-figures';
import { parseWeights } from '../figures/rates';
import { RATING_CONFIG, RatingConfig } from '../rating.config';

const COMMENTS_SHOWN = 20;

/** The last 90 days' rates (null over no job) and how many jobs each was measured over. */
export class RecentFigures {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  composite: number | null;
  responseJobs: number;
  resolutionJobs: number;
  ratedJobs: number;
}

/** A provider's public scorecard: its figures, the prior they are shrunk towards, top tags and screened comments. */
export class ProviderScorecard {
  providerId: string;
  providerKind: string;
  ratingsCount: number;
  meanStars: number | null;
  bayesianScore: number;
  prior: object;
  recentDays: number;
  recent: RecentFigures;
  topTags: { tag: string; count: number }[];
  comments: { comment: string; provider: string; day: string }[];
}

/**
 * A provider's public scorecard, read live from the counters the events keep, so it moves as soon
 * as a rating is applied. Comments appear only once an admin has screened them.
 */
@Controller('public/providers')
@Public()
export class ScorecardsController {
  constructor(
    private readonly ds: DataSource,
    @Inject(RATING_CONFIG) private readonly config: RatingConfig,
  ) {}

  @Get(':providerId/scorecard')
  async scorecard(@Param('providerId') providerId: string): Promise<ProviderScorecard> {
    const [known] = await this.ds.query<[{ provider_kind: ProviderKind }?]>(
      'SELECT provider_kind FROM provider_quality WHERE provider_id = $1',
      [providerId],
    );
    if (!known) throw new NotFoundException('providerId: no figures for this provider');
    const f = await providerFigures(this.ds.manager, providerId, parseWeights(this.config.COMPOSITE_WEIGHTS));
    const comments = await this.ds.query<{ comment: string; provider: Satisfaction; day: string }[]>(
      `SELECT comment, provider, to_char(rated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
       FROM rating WHERE provider_id = $1 AND comment_status = 'approved' ORDER BY rated_at DESC LIMIT $2`,
      [providerId, COMMENTS_SHOWN],
    );
    return {
      providerId,
      providerKind: known.provider_kind,
      ratingsCount: f.ratingsCount,
      meanStars: f.meanStars,
      bayesianScore: f.bayesianScore,
      prior: { ...QUALITY_PRIOR, stars: SATISFACTION_STARS },
      recentDays: RECENT_DAYS,
      recent: f.recent,
      topTags: topTags(f.tags),
      comments,
    };
  }
}
