import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { STATUS_LABELS } from '../shared/labels';
import type { SlaClock, SlaRisk } from '../shared/sla';
import { riskCounts, RISKS } from './board-filters';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const RISK_NAMES: Record<SlaRisk, string> = { ok: '时间充裕', warning: '已过半', danger: '即将超时', breached: '已超时' };
const RISK_HEX: Record<SlaRisk, string> = { ok: '#52c41a', warning: '#faad14', danger: '#fa8c16', breached: '#f5222d' };

/** The board at a glance: open requests per status, stacked by how close they are to their deadline. */
export function StatusChart({ items, statuses, now }: { items: SlaClock[]; statuses: string[]; now: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init>>(undefined);

  useEffect(() => {
    chart.current = init(box.current!);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);

  useEffect(() => {
    const counts = riskCounts(items, statuses, now);
    chart.current?.setOption({
      animation: false,
      grid: { left: 32, right: 16, top: 32, bottom: 24 },
      legend: { top: 0, right: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: statuses.map((s) => STATUS_LABELS[s] ?? s) },
      yAxis: { type: 'value', minInterval: 1 },
      series: RISKS.map((risk) => ({
        name: RISK_NAMES[risk],
        type: 'bar',
        stack: 'risk',
        barMaxWidth: 40,
        itemStyle: { color: RISK_HEX[risk] },
        data: counts[risk],
      })),
    });
  }, [items, statuses, now]);

  return <div ref={box} style={{ height: 160, marginBottom: 12 }} data-testid="status-chart" role="img" aria-label="各状态工单数" />;
}
