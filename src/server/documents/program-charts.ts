/** The summary's charts drawn on the server as SVG with ECharts' server-side renderer (no browser, no DOM). */
import * as echarts from 'echarts';
import { budgetBarsByProject, budgetChartOption, povertyRateChartOption } from '../../domain/program/chart-options.ts';
import type { ProgramReportData } from '../../db/program/report-figures.ts';

function svg(option: object, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ textStyle: { fontFamily: 'Tinos, serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function povertyChartSvg(d: ProgramReportData, width = 330, height = 200): string {
  const own = d.targets.rates.filter((r) => r.unitCode === d.unit.code).map((r) => ({ year: r.year, rate: r.povertyRate }));
  const t = d.targets.rows.find((r) => r.unitCode === d.unit.code && r.indicatorCode === 'poverty_rate');
  return svg(povertyRateChartOption(own, t ? { year: t.year, value: t.target } : null, { rate: 'Tỷ lệ hộ nghèo (%)', target: 'Chỉ tiêu' }), width, height);
}

export function budgetChartSvg(d: ProgramReportData, width = 330, height = 200): string {
  return svg(budgetChartOption(budgetBarsByProject(d.budget.lines), { planned: 'Kế hoạch', allocated: 'Phân bổ', disbursed: 'Giải ngân', unit: 'triệu đ' }), width, height);
}
