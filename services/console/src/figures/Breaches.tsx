import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import type { Figure } from '../api/admin-types';
import { useCategoryName } from '../shared/reference-data';
import { ChartCard, FigureColumn } from './ChartCard';
import { pct } from './figures-data';
import { FigureLevel, useFigures } from './use-figures';

const LEVEL_NAMES: Record<string, string> = { street: '街道', community: '社区', category: '服务类别' };

function breachOption(names: string[], rows: Figure[]): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 64 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name: '超时（件）' },
    series: [{ name: '超时', type: 'bar', itemStyle: { color: '#cf1322' }, data: rows.map((f) => f.counts.breaches) }],
  };
}

/** SLA breaches of the month: per unit of the level, and (for the district) per category. */
export function Breaches({ level, month, wholeDistrict }: { level: FigureLevel; month: string; wholeDistrict: boolean }) {
  const categoryName = useCategoryName();
  const units = useFigures(level, month);
  const categories = useFigures('category', month, wholeDistrict);
  const name = (l: FigureLevel) => (f: Figure) => (l === 'category' ? categoryName(f.code) : (f.name ?? f.code));
  const columns = (l: FigureLevel): FigureColumn<Figure>[] => [
    { title: LEVEL_NAMES[l], value: name(l) },
    { title: '超时（件）', value: (f) => f.counts.breaches },
    { title: '应响应', value: (f) => f.counts.responseDue },
    { title: '按时响应', value: (f) => f.counts.responseOk },
    { title: '应办结', value: (f) => f.counts.resolutionDue },
    { title: '按时办结', value: (f) => f.counts.resolutionOk },
    { title: '响应率', value: (f) => pct(f.responseRate) },
    { title: '解决率', value: (f) => pct(f.resolutionRate) },
  ];
  const unitRows = units.data ?? [];
  const categoryRows = useMemo(
    () => (categories.data ?? []).slice().sort((a, b) => b.counts.breaches - a.counts.breaches),
    [categories.data],
  );
  return (
    <>
      <ChartCard
        title={`${month} 各${LEVEL_NAMES[level]}超时`}
        testId="breaches-by-unit"
        option={breachOption(unitRows.map(name(level)), unitRows)}
        columns={columns(level)}
        rows={unitRows}
        rowKey={(f) => f.code}
        file={`超时-${LEVEL_NAMES[level]}-${month}.csv`}
        loading={units.isLoading}
      />
      {wholeDistrict && (
        <ChartCard
          title={`${month} 各服务类别超时`}
          testId="breaches-by-category"
          option={breachOption(categoryRows.map(name('category')), categoryRows)}
          columns={columns('category')}
          rows={categoryRows}
          rowKey={(f) => f.code}
          file={`超时-服务类别-${month}.csv`}
          loading={categories.isLoading}
        />
      )}
    </>
  );
}
