import { useQuery } from '@tanstack/react-query';
import type { EChartsOption } from 'echarts';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { Figure, MerchantUnit, VolunteerSummary } from '../api/admin-types';
import { ChartCard, FigureColumn } from './ChartCard';
import { pct, pctValue } from './figures-data';
import { useFigures } from './use-figures';

/** Each provider's month: its rates with the provider question's satisfaction, best composite first, linking to the unit's scorecard. */
export function Providers({ month }: { month: string }) {
  const figures = useFigures('provider', month);
  const units = useQuery({
    queryKey: ['merchant-units'],
    queryFn: async (): Promise<MerchantUnit[]> => ok(api.GET('/api/merchant/units')),
  });
  const volunteers = useQuery({
    queryKey: ['volunteers'],
    queryFn: async (): Promise<VolunteerSummary[]> => ok(api.GET('/api/volunteer/volunteers')),
  });
  const unitIds = new Set((units.data ?? []).map((u) => u.id));
  const nameOf = (id: string) =>
    units.data?.find((u) => u.id === id)?.displayName ?? volunteers.data?.find((v) => v.id === id)?.displayName ?? id;
  const rows = (figures.data ?? [])
    .filter((f) => f.counts.responseDue + f.counts.resolutionDue + f.counts.ratings > 0)
    .sort((a, b) => (b.composite ?? -1) - (a.composite ?? -1));
  const columns: FigureColumn<Figure>[] = [
    { title: '服务方', value: (f) => nameOf(f.code), link: (f) => (unitIds.has(f.code) ? `/units/${f.code}` : `/volunteers/${f.code}`) },
    { title: '类型', value: (f) => (unitIds.has(f.code) ? '加盟单位' : '志愿者') },
    { title: '响应率', value: (f) => pct(f.responseRate) },
    { title: '解决率', value: (f) => pct(f.resolutionRate) },
    { title: '服务满意率', value: (f) => pct(f.providerSatisfaction) },
    { title: '综合得分', value: (f) => pct(f.composite) },
    { title: '评价数', value: (f) => f.counts.ratings },
    { title: '超时', value: (f) => f.counts.breaches },
  ];
  const top = rows.slice(0, 15);
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 140, right: 24, top: 16, bottom: 24 },
    yAxis: { type: 'category', inverse: true, data: top.map((f) => nameOf(f.code)) },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ name: '综合得分', type: 'bar', data: top.map((f) => pctValue(f.composite)) }],
  };
  return (
    <ChartCard
      title={`${month} 服务方评分（综合得分前 15 名见图）`}
      testId="providers"
      option={option}
      columns={columns}
      rows={rows}
      rowKey={(f) => f.code}
      file={`服务方评分-${month}.csv`}
      loading={figures.isLoading}
      extra={<Link to="/units">全部加盟单位</Link>}
    />
  );
}
