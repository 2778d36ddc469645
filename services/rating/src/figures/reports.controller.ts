import { assertInScope, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import type { UnitLevel } from '@bangbang/contracts';
import { Controller, Get, Header, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { RATING_CONFIG, RatingConfig } from '../rating.config';
import { Counters, Dimension, zeroCounters } from './contribution';
import { COLUMNS, countersOf } from './daily-figures';
import { ReportQuery } from './figures.dto';
import { ReportChart, ReportSeries, UnitReport } from './figures-views';
import { monthDays, parseWeights, rates, Weights } from './rates';
import { FigureRow, monthFigures } from './unit-figures';

const CHILD: Record<string, Dimension | undefined> = { district: 'street', street: 'community' };
const SERIES = [
  ['responseRate', '响应率 response'],
  ['resolutionRate', '解决率 resolution'],
  ['teamSatisfaction', '满意率 help team'],
  ['providerSatisfaction', '满意率 providers'],
  ['composite', '综合 composite'],
] as const;
const pct = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 100);

/** A unit's monthly report: the unit and each unit below it, as CSV or as chart-ready series. */
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly ds: DataSource,
    @Inject(RATING_CONFIG) private readonly config: RatingConfig,
  ) {}

  @Get(':unitCode')
  @Roles('district_admin', 'street_admin', 'community_admin', 'auditor')
  @Header('cache-control', 'no-store')
  @ApiExtraModels(UnitReport)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'The report; with format=csv, one CSV line per unit (the unit first) as an attachment.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(UnitReport) } }, 'text/csv': { schema: { type: 'string' } } },
  })
  async report(
    @CurrentPrincipal() p: Principal,
    @Param('unitCode') code: string,
    @Query() q: ReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnitReport | string> {
    const [unit] = await this.ds.query<[{ code: string; level: UnitLevel; path: string; name_zh: string }?]>(
      'SELECT code, level, path, name_zh FROM org_unit WHERE code = $1',
      [code],
    );
    if (!unit) throw new NotFoundException('unitCode: no such unit');
    assertInScope(p, unit.path, 'unitCode: unit');
    const weights = parseWeights(this.config.COMPOSITE_WEIGHTS);
    const [own] = (await monthFigures(this.ds.manager, unit.level, q.month, weights, unit.path)).filter((r) => r.key === unit.path);
    const child = CHILD[unit.level];
    const children = child ? await monthFigures(this.ds.manager, child, q.month, weights, unit.path) : [];
    if (q.format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${code}-${q.month}.csv"`);
      return toCsv([own, ...children]);
    }
    return {
      unit: { code: unit.code, name: unit.name_zh, level: unit.level, path: unit.path },
      month: q.month,
      weights,
      total: own,
      byUnit: { labels: children.map((c) => c.name ?? c.code), series: series(children) },
      byDay: await this.byDay(unit.level, unit.path, q.month, weights),
    };
  }

  private async byDay(level: Dimension, key: string, month: string, weights: Weights): Promise<ReportChart> {
    const { from, until } = monthDays(month);
    const rows = await this.ds.query<Record<string, string | number>[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, ${COLUMNS.join(', ')} FROM daily_figure WHERE dim = $1 AND key = $2 AND day >= $3 AND day < $4`,
      [level, key, from, until],
    );
    const byDay = new Map<string, Counters>(rows.map((r) => [String(r.day), countersOf(r)]));
    const labels: string[] = [];
    for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) < until; d.setUTCDate(d.getUTCDate() + 1))
      labels.push(d.toISOString().slice(0, 10));
    const points = labels.map((day) => rates(byDay.get(day) ?? zeroCounters(), weights, 'team'));
    return { labels, series: SERIES.map(([key, name]) => ({ key, name, unit: '%', data: points.map((r) => pct(r[key])) })) };
  }
}

function series(rows: FigureRow[]): ReportSeries[] {
  return SERIES.map(([key, name]) => ({ key, name, unit: '%', data: rows.map((r) => pct(r[key])) }));
}

const CSV_COLUMNS: Array<[string, (r: FigureRow) => string | number | null]> = [
  ['month', (r) => r.month],
  ['level', (r) => r.level],
  ['code', (r) => r.code],
  ['name', (r) => r.name],
  ['response_due', (r) => r.counts.responseDue],
  ['response_ok', (r) => r.counts.responseOk],
  ['response_rate', (r) => r.responseRate],
  ['resolution_due', (r) => r.counts.resolutionDue],
  ['resolution_ok', (r) => r.counts.resolutionOk],
  ['resolution_rate', (r) => r.resolutionRate],
  ['ratings', (r) => r.counts.ratings],
  ['team_satisfied', (r) => r.counts.teamOk],
  ['team_satisfaction', (r) => r.teamSatisfaction],
  ['provider_satisfied', (r) => r.counts.providerOk],
  ['provider_satisfaction', (r) => r.providerSatisfaction],
  ['composite', (r) => r.composite],
  ['breaches', (r) => r.counts.breaches],
];

const cell = (v: string | number | null): string => {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4);
  // Quoted, and a leading formula character neutralised, so a spreadsheet shows the text as text.
  const text = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return `"${text.replace(/"/g, '""')}"`;
};

export function toCsv(rows: FigureRow[]): string {
  const lines = [CSV_COLUMNS.map(([h]) => h).join(','), ...rows.map((r) => CSV_COLUMNS.map(([, f]) => cell(f(r))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
