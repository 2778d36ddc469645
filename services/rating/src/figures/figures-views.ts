import type { UnitLevel } from '@bangbang/contracts';
import { PartialType } from '@nestjs/swagger';
import type { Counter, Dimension } from './contribution';
import type { Rates, Weights } from './rates';
import type { RecomputeResult } from './recompute';
import type { FigureRow } from './unit-figures';

/** The answers' shapes, as classes so the OpenAPI document can describe them; the rules keep their interfaces. */
export class FigureCounts implements Record<Counter, number> {
  responseDue: number;
  responseOk: number;
  resolutionDue: number;
  resolutionOk: number;
  breaches: number;
  ratings: number;
  teamOk: number;
  providerOk: number;
  providerStars: number;
  tagPunctual: number;
  tagPolite: number;
  tagTidy: number;
  tagPriceAsQuoted: number;
}

/** One key's figures for a month: the counts, and the rates (null when nothing was due). */
export class FigureView implements FigureRow {
  key: string;
  code: string;
  name: string | null;
  level: Dimension;
  month: string;
  counts: FigureCounts;
  responseRate: number | null;
  resolutionRate: number | null;
  teamSatisfaction: number | null;
  providerSatisfaction: number | null;
  composite: number | null;
}

/** Only the counters that differ. */
export class CountsDifference extends PartialType(FigureCounts) {}

export class FiguresMismatch {
  row: string;
  stored: CountsDifference | null;
  recomputed: CountsDifference | null;
}

export class RecomputeView implements RecomputeResult {
  jobs: number;
  rows: number;
  equal: boolean;
  mismatches: FiguresMismatch[];
  repaired: boolean;
}

export class WeightsView implements Weights {
  response: number;
  resolution: number;
  satisfaction: number;
}

export class ReportUnit {
  code: string;
  name: string;
  level: UnitLevel;
  path: string;
}

/** One line of a chart: a rate in percent per label, null where nothing was due. */
export class ReportSeries {
  key: keyof Rates;
  name: string;
  unit: '%';
  data: (number | null)[];
}

export class ReportChart {
  labels: string[];
  series: ReportSeries[];
}

/** A unit's month: its own figures, each unit below it, and each day. */
export class UnitReport {
  unit: ReportUnit;
  month: string;
  weights: WeightsView;
  total: FigureView;
  byUnit: ReportChart;
  byDay: ReportChart;
}
