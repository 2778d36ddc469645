import { Alert, Segmented } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import type { Figure } from '../api/admin-types';
import { ChartCard, FigureColumn } from './ChartCard';
import { Metric, METRIC_LABELS, METRICS, monthsUpTo, pct, pctValue, TrendRow, trendRows } from './figures-data';
import { FigureLevel, useFigures, useFiguresByMonth } from './use-figures';

const TREND_MONTHS = 6;
const LEVEL_NAMES: Record<string, string> = { street: '街道', community: '社区' };

const rateColumns: FigureColumn<Figure>[] = [
  { title: '单位', value: (f) => f.name ?? f.code },
  { title: '响应率', value: (f) => pct(f.responseRate) },
  { title: '解决率', value: (f) => pct(f.resolutionRate) },
  { title: '满意率', value: (f) => pct(f.teamSatisfaction) },
  { title: '综合得分', value: (f) => pct(f.composite) },
  { title: '应响应', value: (f) => f.counts.responseDue },
  { title: '应办结', value: (f) => f.counts.resolutionDue },
  { title: '评价数', value: (f) => f.counts.ratings },
  { title: '超时', value: (f) => f.counts.breaches },
];

/** The month's three rates and composite per unit of the level, and each unit's trend over the months before. */
export function RatesOverview({ level, month }: { level: FigureLevel; month: string }) {
  const figures = useFigures(level, month);
  const rows = figures.data ?? [];
  const bars = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: rows.map((f) => f.name ?? f.code), axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: METRICS.map((m) => ({ name: METRIC_LABELS[m], type: 'bar', data: rows.map((f) => pctValue(f[m])) })),
    }),
    [rows],
  );
  return (
    <>
      {figures.isError && <Alert type="error" title={(figures.error as Error).message} style={{ marginBottom: 16 }} />}
      <ChartCard
        title={`${month} 各${LEVEL_NAMES[level]}三率与综合得分`}
        testId="month-rates"
        option={bars}
        columns={rateColumns}
        rows={rows}
        rowKey={(f) => f.code}
        file={`三率-${LEVEL_NAMES[level]}-${month}.csv`}
        loading={figures.isLoading}
      />
      <Trends level={level} month={month} />
    </>
  );
}

function Trends({ level, month }: { level: FigureLevel; month: string }) {
  const [metric, setMetric] = useState<Metric>('composite');
  const months = useMemo(() => monthsUpTo(month, TREND_MONTHS), [month]);
  const { byMonth, loading } = useFiguresByMonth(level, months);
  const rows = useMemo(() => trendRows(byMonth, months, metric), [byMonth, months, metric]);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: rows.map((r) => ({
        name: r.name,
        type: 'line',
        connectNulls: false,
        symbolSize: 8,
        data: months.map((m) => pctValue(r.values[m])),
      })),
    }),
    [rows, months],
  );
  const columns: FigureColumn<TrendRow>[] = [
    { title: '单位', value: (r) => r.name },
    ...months.map((m) => ({ title: m, value: (r: TrendRow) => pct(r.values[m]) })),
  ];
  return (
    <ChartCard
      title={`近${TREND_MONTHS}个月${METRIC_LABELS[metric]}走势`}
      testId="trends"
      option={option}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.code}
      file={`${METRIC_LABELS[metric]}走势-${LEVEL_NAMES[level]}-${month}.csv`}
      loading={loading}
      extra={
        <Segmented
          size="small"
          value={metric}
          onChange={(v) => setMetric(v)}
          options={METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] }))}
        />
      }
    />
  );
}
