import { CurrentPrincipal, inScope, Principal, Roles } from '@bangbang/auth';
import { UNIT_PATH } from '@bangbang/contracts';
import { IsDateTime } from '@bangbang/platform';
import { BadRequestException, Body, Controller, Get, NotFoundException, Post, Query, Req } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { ADMINS, assertMaySeeUnit, audit, COMMUNITY_PATH, HttpRequestLike, READERS } from '../access';
import { currentPeriod, Period, PeriodKind, periodOf, Ranked } from './rankings';
import { StandingsService } from './standings.service';

const unitPath = () => Matches(UNIT_PATH, { message: 'unit must be an org path like /district/street/community/' });

export class RankingQuery {
  @unitPath() unit: string;
  @IsIn(['month', 'year']) period: PeriodKind;
  /** `2026-11` for a month, `2026` for a year; the current one by default. */
  @IsOptional() @IsString() @MaxLength(32) label?: string;
}

export class YearEndQuery {
  @Matches(COMMUNITY_PATH, { message: 'unit must be a community path' }) unit: string;
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class YearEndConfirmDto {
  @Matches(COMMUNITY_PATH, { message: 'unit must be a community path' }) unit: string;
  @IsInt() @Min(2000) @Max(2100) year: number;
}

export class FiguresQuery {
  @unitPath() unit: string;
  @IsDateTime() from: string;
  @IsDateTime() to: string;
}

/** A unit's ranking for a period; a volunteer also gets their own place (null when unranked). */
export class VolunteerRankings {
  unit: string;
  period: Period;
  entries: Ranked[];
  me?: Ranked | null;
}

@Controller()
export class StandingsController {
  constructor(
    private readonly ds: DataSource,
    private readonly standings: StandingsService,
  ) {}

  /**
   * Rankings by community, street or district for a month or a year. Staff see units in their
   * scope; an approved volunteer sees their own community, street and district.
   */
  @Get('rankings')
  async rankings(@CurrentPrincipal() p: Principal, @Query() q: RankingQuery): Promise<VolunteerRankings> {
    await assertMaySeeUnit(this.ds.manager, p, q.unit);
    let period;
    try {
      period = q.label ? periodOf(q.period, q.label) : currentPeriod(q.period);
    } catch (err) {
      throw new BadRequestException(`label: ${(err as Error).message}`);
    }
    const entries = await this.standings.ranking(this.ds.manager, q.unit, period);
    return {
      unit: q.unit,
      period,
      entries,
      me: p.role === 'volunteer' ? (entries.find((e) => e.volunteerId === p.id) ?? null) : undefined,
    };
  }

  @Get('stars/year-end')
  @Roles(...READERS)
  yearEnd(@CurrentPrincipal() p: Principal, @Query() q: YearEndQuery) {
    if (!inScope(p, q.unit)) throw new NotFoundException('unit not found');
    return this.standings.yearEnd(this.ds.manager, q.unit, q.year);
  }

  @Post('stars/year-end/confirm')
  @Roles(...ADMINS)
  confirm(@CurrentPrincipal() p: Principal, @Body() dto: YearEndConfirmDto, @Req() req: HttpRequestLike) {
    if (!inScope(p, dto.unit)) throw new NotFoundException('unit not found');
    return this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`year-end:${dto.unit}:${dto.year}`]);
      const list = await this.standings.confirmYearEnd(m, dto.unit, dto.year, p.id);
      await audit(m, p, req, 'stars.year-end-confirmed', 'unit', dto.unit);
      return list;
    });
  }

  @Get('figures')
  @Roles(...READERS)
  figures(@CurrentPrincipal() p: Principal, @Query() q: FiguresQuery) {
    if (!inScope(p, q.unit)) throw new NotFoundException('unit not found');
    const [from, to] = [new Date(q.from), new Date(q.to)];
    if (from >= to) throw new BadRequestException('from must be before to');
    return this.standings.figures(this.ds.manager, q.unit, from, to);
  }
}
