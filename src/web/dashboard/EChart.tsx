/** One ECharts instance in a div: created once, options replaced on change, resized with its box, disposed on unmount. */
import { useEffect, useRef } from 'react';
import { echarts, type EChartsOption } from './echarts.ts';

export interface EChartProps {
  option: EChartsOption;
  height: number;
  /** Called with the clicked item's name (series data name, e.g. a unit code). */
  onClick?: (name: string) => void;
  'data-testid'?: string;
}

export function EChart({ option, height, onClick, 'data-testid': testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const el = ref.current!;
    const c = echarts.init(el);
    chart.current = c;
    c.on('click', (p) => {
      const name = (p as { name?: unknown }).name;
      if (typeof name === 'string' && name) click.current?.(name);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
