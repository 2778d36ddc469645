import { Card, Col, Radio, Row, Space, Statistic } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { ChartCard, type FigureColumn } from '../figures/ChartCard';
import { useCommunityName } from '../shared/reference-data';
import { pct } from '../figures/figures-data';
import { type CallFigures, monthRange, secondsText, sumByGroup } from './calls';
import { useCallFigures } from './use-telephony';

const COLUMNS: FigureColumn<CallFigures>[] = [
  { title: '呼入', value: (f) => f.offered },
  { title: '接通', value: (f) => f.answered },
  { title: '放弃', value: (f) => f.abandoned },
  { title: '未接', value: (f) => f.missed },
  { title: '接通率', value: (f) => pct(f.answerRate) },
  { title: '放弃率', value: (f) => pct(f.abandonedRate) },
  { title: '平均等待', value: (f) => secondsText(f.avgWaitSeconds) },
  { title: 'P90 等待', value: (f) => secondsText(f.p90WaitSeconds) },
  { title: '平均处理时长', value: (f) => secondsText(f.avgHandlingSeconds) },
  { title: '每坐席小时接听', value: (f) => (f.callsPerAgentHour === null ? '—' : f.callsPerAgentHour.toFixed(2)) },
  { title: '回拨', value: (f) => f.callbacks },
  { title: '按时回拨', value: (f) => f.callbacksDoneOnTime },
  { title: '回拨及时率', value: (f) => pct(f.callbacksOnTimeRate) },
];

const trendOption = (rows: CallFigures[]): EChartsOption => ({
  tooltip: { trigger: 'axis' },
  legend: { data: ['呼入', '接通率', '放弃率'] },
  xAxis: { type: 'category', data: rows.map((r) => r.period) },
  yAxis: [
    { type: 'value', name: '件' },
    { type: 'value', name: '%', max: 100 },
  ],
  series: [
    { name: '呼入', type: 'bar', data: rows.map((r) => r.offered) },
    { name: '接通率', type: 'line', yAxisIndex: 1, data: rows.map((r) => (r.answerRate === null ? null : r.answerRate * 100)) },
    {
      name: '放弃率',
      type: 'line',
      yAxisIndex: 1,
      itemStyle: { color: '#cf1322' },
      data: rows.map((r) => (r.abandonedRate === null ? null : r.abandonedRate * 100)),
    },
  ],
});

/** The call centre's month next to the three rates: the phone system's call log, per hour or day and per street or community. */
export function CallFiguresTab({ month, level }: { month: string; level: 'street' | 'community' }) {
  const range = useMemo(() => monthRange(month), [month]);
  const [bucket, setBucket] = useState<'hour' | 'day'>('day');
  const byPeriod = useCallFigures(range, bucket, 'all');
  const byPlace = useCallFigures(range, 'day', level);
  // The org units in scope hold streets as well as communities.
  const unitName = useCommunityName();
  const placeName = (code: string) => (code === 'unknown' ? '未登记号码' : unitName(code));
  const total = byPeriod.data?.total;
  const places = sumByGroup(byPlace.data?.rows ?? []);
  const LEVEL = level === 'street' ? '街道' : '社区';
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }} data-testid="call-totals">
        <Row gutter={16}>
          {[
            ['接通率', pct(total?.answerRate)],
            ['放弃率', pct(total?.abandonedRate)],
            ['平均等待', secondsText(total?.avgWaitSeconds ?? null)],
            ['P90 等待', secondsText(total?.p90WaitSeconds ?? null)],
            ['平均处理时长', secondsText(total?.avgHandlingSeconds ?? null)],
            ['每坐席小时接听', total?.callsPerAgentHour == null ? '—' : total.callsPerAgentHour.toFixed(2)],
            ['回拨及时率', pct(total?.callbacksOnTimeRate)],
            ['按时回拨', String(total?.callbacksDoneOnTime ?? 0)],
          ].map(([title, value]) => (
            <Col key={title} xs={12} md={6} xl={3}>
              <Statistic title={title} value={value} />
            </Col>
          ))}
        </Row>
      </Card>
      <ChartCard<CallFigures>
        title={`${month} 话务走势（${bucket === 'hour' ? '按小时' : '按天'}）`}
        testId="call-trend"
        option={trendOption(byPeriod.data?.rows ?? [])}
        columns={[{ title: bucket === 'hour' ? '时段' : '日期', value: (f) => f.period }, ...COLUMNS]}
        rows={byPeriod.data?.rows ?? []}
        rowKey={(f) => f.period}
        file={`话务-${month}-${bucket === 'hour' ? '按小时' : '按天'}.csv`}
        loading={byPeriod.isLoading}
        extra={
          <Space>
            <Radio.Group
              size="small"
              optionType="button"
              value={bucket}
              onChange={(e) => setBucket(e.target.value as 'hour' | 'day')}
              options={[
                { value: 'day', label: '按天' },
                { value: 'hour', label: '按小时' },
              ]}
            />
          </Space>
        }
      />
      <ChartCard
        title={`${month} 各${LEVEL}来电（按来电户所在地）`}
        testId="call-places"
        option={{
          tooltip: { trigger: 'axis' },
          legend: { data: ['接通', '放弃'] },
          xAxis: { type: 'category', data: places.map((p) => placeName(p.group)) },
          yAxis: { type: 'value', name: '件' },
          series: [
            { name: '接通', type: 'bar', stack: 'calls', data: places.map((p) => p.answered) },
            { name: '放弃', type: 'bar', stack: 'calls', itemStyle: { color: '#cf1322' }, data: places.map((p) => p.abandoned) },
          ],
        }}
        columns={[
          { title: LEVEL, value: (p) => placeName(p.group) },
          { title: '呼入', value: (p) => p.offered },
          { title: '接通', value: (p) => p.answered },
          { title: '放弃', value: (p) => p.abandoned },
          { title: '接通率', value: (p) => pct(p.answerRate) },
        ]}
        rows={places}
        rowKey={(p) => p.group}
        file={`话务-${month}-各${LEVEL}.csv`}
        loading={byPlace.isLoading}
      />
    </>
  );
}
