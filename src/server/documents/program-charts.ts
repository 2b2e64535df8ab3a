/**
 * The summary's charts drawn on the server as SVG with ECharts' server-side renderer (no browser, no
 * DOM), from the same options as the screens (numbers in Vietnamese format). Their titles are printed
 * by the page above each chart (CHART_TITLES), where long titles wrap.
 */
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

/** The printed charts' titles (the page's captions). */
export const CHART_TITLES = {
  poverty: (d: ProgramReportData) => `Tỷ lệ hộ nghèo qua các năm (%) và chỉ tiêu năm ${d.year} của ${d.unit.name}`,
  budget: (d: ProgramReportData) => `Kinh phí năm ${d.year} theo dự án, hợp phần: kế hoạch, phân bổ, giải ngân (triệu đồng)`,
};

export function povertyChartSvg(d: ProgramReportData, width = 330, height = 200): string {
  const own = d.targets.rates.filter((r) => r.unitCode === d.unit.code).map((r) => ({ year: r.year, rate: r.povertyRate }));
  const t = d.targets.rows.find((r) => r.unitCode === d.unit.code && r.indicatorCode === 'poverty_rate');
  return svg(povertyRateChartOption(own, t ? { year: t.year, value: t.target } : null, { rate: 'Tỷ lệ hộ nghèo (%)', target: 'Chỉ tiêu' }), width, height);
}

export function budgetChartSvg(d: ProgramReportData, width = 330, height = 200): string {
  return svg(budgetChartOption(budgetBarsByProject(d.budget.lines), { planned: 'Kế hoạch', allocated: 'Phân bổ', disbursed: 'Giải ngân', unit: 'triệu đ' }), width, height);
}
