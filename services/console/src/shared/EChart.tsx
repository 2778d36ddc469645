import * as echarts from 'echarts';
import { CSSProperties, useEffect, useRef } from 'react';

/** One ECharts instance on a div: set again when the option changes, resized with its box, disposed on unmount. */
export function EChart({ option, style, testId }: { option: echarts.EChartsOption; style?: CSSProperties; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current!;
    chart.current = echarts.init(el);
    const resize = new ResizeObserver(() => chart.current?.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // A new option replaces the old one whole, so a series that went away does not linger. No animation: figures are
    // read rather than watched, and a print or a screenshot must never catch a bar half-grown.
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} data-testid={testId} style={{ width: '100%', height: 320, ...style }} />;
}
