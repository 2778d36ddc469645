import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, recordAudit, Roles } from '@bangbang/auth';
import { AuditRecorded } from '@bangbang/contracts';
import { Controller, ForbiddenException, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RATING_CONFIG, RatingConfig } from '../rating.config';
import { FiguresQuery, RankingsQuery, RecomputeQuery } from './figures.dto';
import { parseWeights } from './rates';
import { recomputeFigures } from './recompute';
import { monthFigures, rankings } from './unit-figures';
import { FigureView, RecomputeView } from './figures-views';

const ADMINS = ['district_admin', 'street_admin', 'community_admin'] as const;

/** 红黑榜: the best (red) and worst (black, worst first) of the month. */
export class Rankings {
  level: RankingsQuery['level'];
  month: string;
  red: FigureView[];
  black: FigureView[];
}

/** The three rates by month, for the admins' consoles, each within their own subtree. */
@Controller('figures')
export class FiguresController {
  constructor(
    private readonly ds: DataSource,
    @Inject(RATING_CONFIG) private readonly config: RatingConfig,
  ) {}

  @Get()
  @Roles(...ADMINS, 'auditor')
  figures(@CurrentPrincipal() p: Principal, @Query() q: FiguresQuery): Promise<FigureView[]> {
    // Provider and category keys are not places in the tree: only the district sees them whole.
    if ((q.level === 'provider' || q.level === 'category') && p.role !== 'district_admin') {
      throw new ForbiddenException(`level: ${q.level} figures are for the district admin`);
    }
    const prefix = q.level === 'provider' || q.level === 'category' ? undefined : p.orgPath;
    return monthFigures(this.ds.manager, q.level, q.month, parseWeights(this.config.COMPOSITE_WEIGHTS), prefix);
  }

  /** 红黑榜: the month's best (red) and worst (black, worst first) streets or communities. */
  @Get('rankings')
  @Roles('district_admin', 'street_admin')
  async rankings(@CurrentPrincipal() p: Principal, @Query() q: RankingsQuery): Promise<Rankings> {
    const rows = await monthFigures(this.ds.manager, q.level, q.month, parseWeights(this.config.COMPOSITE_WEIGHTS), p.orgPath);
    return { level: q.level, month: q.month, ...rankings(rows, q.size) };
  }

  /** Rebuilds the figures from the stored facts and says whether the incremental ones agree; audited, as a repair rewrites them all. */
  @Post('recompute')
  @HttpCode(200)
  @Roles('district_admin')
  recompute(@CurrentPrincipal() p: Principal, @Query() q: RecomputeQuery, @Req() req: AuthenticatedRequest): Promise<RecomputeView> {
    return recomputeFigures(this.ds, q.repair, (m, result) => {
      const outcome = result.repaired
        ? 'figures differed and were repaired'
        : result.equal
          ? 'figures agreed, nothing repaired'
          : 'figures differ';
      const purpose = `${q.repair ? 'repair requested' : 'check only'}; ${outcome}`;
      return recordAudit(
        m,
        AuditRecorded.rating,
        p,
        { action: 'figures.recomputed', resourceType: 'figures', resourceId: 'daily-figures', purpose },
        auditOrigin(req),
      );
    });
  }
}
