import { DatePicker, Radio, Select, Space } from 'antd';
import type { EChartsOption } from 'echarts';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { ChartCard, FigureColumn } from './ChartCard';
import { compare, ComparedRow, METRIC_LABELS, monthsUpTo, pct, pctValue, points } from './figures-data';
import { FigureLevel, useFigures } from './use-figures';

const MonthPicker = ({ value, onChange }: { value: string; onChange: (m: string) => void }) => (
  <DatePicker picker="month" allowClear={false} value={dayjs(`${value}-01`)} onChange={(d) => d && onChange(d.format('YYYY-MM'))} />
);

/** Two months of one unit, or two units in one month, metric by metric with the change. */
export function Compare({ level, month }: { level: FigureLevel; month: string }) {
  const [mode, setMode] = useState<'months' | 'units'>('units');
  const [monthA, setMonthA] = useState(() => monthsUpTo(month, 2)[0]);
  const [monthB, setMonthB] = useState(month);
  const a = useFigures(level, mode === 'months' ? monthA : monthB);
  const b = useFigures(level, monthB);
  const units = b.data ?? [];
  const [pickA, setPickA] = useState<string>();
  const [pickB, setPickB] = useState<string>();
  const unitA = pickA ?? units[0]?.code;
  const unitB = pickB ?? units[1]?.code ?? units[0]?.code;
  const nameOf = (code: string | undefined) => units.find((u) => u.code === code)?.name ?? code ?? '';

  const rows = useMemo<ComparedRow[]>(() => {
    const find = (list: typeof units | undefined, code: string | undefined) => list?.find((f) => f.code === code);
    return mode === 'months' ? compare(find(a.data, unitA), find(b.data, unitA)) : compare(find(b.data, unitA), find(b.data, unitB));
  }, [mode, a.data, b.data, unitA, unitB]);
  const [titleA, titleB] = mode === 'months' ? [monthA, monthB] : [nameOf(unitA), nameOf(unitB)];
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: rows.map((r) => METRIC_LABELS[r.metric]) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: titleA, type: 'bar', data: rows.map((r) => pctValue(r.a)) },
        { name: titleB, type: 'bar', data: rows.map((r) => pctValue(r.b)) },
      ],
    }),
    [rows, titleA, titleB],
  );
  const columns: FigureColumn<ComparedRow>[] = [
    { title: '指标', value: (r) => METRIC_LABELS[r.metric] },
    { title: titleA || 'A', value: (r) => pct(r.a) },
    { title: titleB || 'B', value: (r) => pct(r.b) },
    { title: '变化', value: (r) => points(r.change) },
  ];
  const unitOptions = units.map((u) => ({ value: u.code, label: u.name ?? u.code }));
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value as 'months' | 'units')}
          optionType="button"
          options={[
            { value: 'units', label: '两个单位对比' },
            { value: 'months', label: '两个月份对比' },
          ]}
        />
        {mode === 'months' ? (
          <>
            <Select style={{ width: 160 }} value={unitA} options={unitOptions} onChange={setPickA} aria-label="对比单位" />
            <MonthPicker value={monthA} onChange={setMonthA} />
            <span>对比</span>
            <MonthPicker value={monthB} onChange={setMonthB} />
          </>
        ) : (
          <>
            <MonthPicker value={monthB} onChange={setMonthB} />
            <Select style={{ width: 160 }} value={unitA} options={unitOptions} onChange={setPickA} aria-label="单位 A" />
            <span>对比</span>
            <Select style={{ width: 160 }} value={unitB} options={unitOptions} onChange={setPickB} aria-label="单位 B" />
          </>
        )}
      </Space>
      <ChartCard
        title={`${titleA} 与 ${titleB} 对比`}
        testId="compare"
        option={option}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.code}
        file={`对比-${titleA}-${titleB}.csv`}
        loading={a.isLoading || b.isLoading}
      />
    </>
  );
}
