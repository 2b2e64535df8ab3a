/** The monitoring report and the one-page steering-committee summary as print HTML (PDF via Chromium). */
import type { ProgramReportData } from '../../db/program/report-figures.ts';
import { formatMillions } from '../../domain/program/money.ts';
import { REPORT_PERIOD_LABELS_VI } from '../../domain/program/report-cycle.ts';
import { documentPage, letterhead, signatureBlock } from './document-shell.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { budgetChartSvg, CHART_TITLES, povertyChartSvg } from './program-charts.ts';
import { budgetLayout, dmy, laggingLayout, num, outputsLayout, programReportTitle, reportingLayout, TARGET_STATUS_VI, targetsLayout } from './program-tables.ts';
import { tableHtml } from './table-html.ts';
import type { NamedUnit } from './unit-names.ts';

/** The issuing unit as documents name it ("Tỉnh Lai Châu" → type "Tỉnh"). */
export function issuerOf(d: ProgramReportData): NamedUnit {
  const name = d.unit.name;
  return { name, type: name.startsWith('Thành phố') ? 'Thành phố' : name.startsWith('Đặc khu') ? 'Đặc khu' : name.split(' ')[0]! };
}

const section = (title: string, body: SafeHtml) => html`<h2 style="font-size:12pt;margin:5mm 0 1mm">${title}</h2>${body}`;
const fmt = (x: number | null) => (x === null ? '—' : num(x));

export function programReportHtml(d: ProgramReportData): string {
  return documentPage({
    title: programReportTitle(d),
    landscape: true,
    body: html`${letterhead({ issuer: issuerOf(d), date: d.today })}
<h1>${programReportTitle(d)}</h1>
<p class="subtitle italic">(Theo chu kỳ giám sát của Thông tư 10/2022/TT-BLĐTBXH; số liệu đến ngày ${dmy(d.today)}; đơn vị hành chính theo sắp xếp năm 2025)</p>
${section('I. CHỈ TIÊU VÀ KẾT QUẢ THỰC HIỆN', tableHtml(targetsLayout(d)))}
${section('II. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG', tableHtml(outputsLayout(d)))}
${section('III. KINH PHÍ THỰC HIỆN', tableHtml(budgetLayout(d)))}
${section('IV. ĐƠN VỊ CHẬM GIẢI NGÂN SO VỚI MỐC', tableHtml(laggingLayout(d)))}
${section('V. TÌNH HÌNH BÁO CÁO CỦA CẤP XÃ', tableHtml(reportingLayout(d)))}
${signatureBlock({ title: 'TM. UỶ BAN NHÂN DÂN' })}`,
  });
}

const SUMMARY_CSS = `
  .sum { font-size: 11pt; }
  .sum h1 { font-size: 14pt; margin: 2mm 0 1mm; }
  .kpis { width: 100%; border-collapse: collapse; margin: 2mm 0; }
  .kpis td { border: 0.6pt solid #000; padding: 1.5mm; text-align: center; width: 25%; }
  .kpis b { font-size: 14pt; display: block; }
  .charts { width: 100%; border-collapse: collapse; }
  .charts { table-layout: fixed; }
  .charts td { width: 50%; text-align: center; vertical-align: top; padding: 0 1mm; }
  .charts .chart-title { font-size: 10pt; font-weight: bold; white-space: normal; overflow-wrap: anywhere; margin-bottom: 1mm; }
  .charts svg { width: 100%; height: auto; }
  .sum ul { margin: 1mm 0 0 5mm; padding: 0; }
  .sum li { margin: 0.5mm 0; }
`;

/** One A4 page: targets, money, results, lagging and late units, with two charts. */
export function programSummaryHtml(d: ProgramReportData): string {
  const t = d.budget.totals;
  const counts = { on: 0, risk: 0, off: 0, none: 0 };
  for (const r of d.targets.rows) counts[r.judgement.status === 'on_track' ? 'on' : r.judgement.status === 'at_risk' ? 'risk' : r.judgement.status === 'off_track' ? 'off' : 'none'] += 1;
  const ownTargets = d.targets.rows.filter((r) => r.unitCode === d.unit.code);
  const flagged = d.targets.rows.filter((r) => r.unitCode !== d.unit.code && (r.judgement.status === 'off_track' || r.judgement.status === 'at_risk')).slice(0, 8);
  const lagging = d.budget.units.filter((u) => u.lagging).toSorted((a, b) => a.sharePercent - b.sharePercent);
  const late = d.status.rows.filter((r) => r.state === 'late');
  const names = new Map(d.targets.indicators.map((i) => [i.code, i.nameVi]));
  const outputs = d.targets.indicators.filter((i) => i.source === 'report' && d.outputs[i.code] !== undefined);
  return documentPage({
    title: `Tóm tắt cho Ban Chỉ đạo năm ${d.year}`,
    body: html`<style>${raw(SUMMARY_CSS)}</style><div class="sum">
${letterhead({ issuer: issuerOf(d), date: d.today })}
<h1>TÓM TẮT TÌNH HÌNH THỰC HIỆN CHƯƠNG TRÌNH GIẢM NGHÈO NĂM ${d.year}</h1>
<p class="subtitle italic">Báo cáo Ban Chỉ đạo — ${d.unit.name}; số liệu đến ngày ${dmy(d.today)}</p>
<table class="kpis"><tr>
  <td>Kế hoạch vốn<b>${formatMillions(BigInt(t.planned))}</b>triệu đồng</td>
  <td>Đã phân bổ<b>${fmt(t.allocatedPercent)} %</b>${formatMillions(BigInt(t.allocated))} triệu đồng</td>
  <td>Đã giải ngân<b>${fmt(t.disbursedPercent)} %</b>${formatMillions(BigInt(t.disbursed))} triệu đồng</td>
  <td>Chỉ tiêu đúng tiến độ<b>${counts.on}/${d.targets.rows.length}</b>nguy cơ ${counts.risk}, không đạt ${counts.off}</td>
</tr></table>
<table class="charts"><tr>
  <td><div class="chart-title">${CHART_TITLES.poverty(d)}</div>${raw(povertyChartSvg(d))}</td>
  <td><div class="chart-title">${CHART_TITLES.budget(d)}</div>${raw(budgetChartSvg(d))}</td>
</tr></table>
<p><b>1. Chỉ tiêu của ${d.unit.name}:</b></p>
<ul>${ownTargets.length ? ownTargets.map((r) => html`<li>${names.get(r.indicatorCode) ?? r.indicatorCode}: kế hoạch ${fmt(r.target)}, ${r.judgement.projected === null ? 'chưa có số dự báo' : `${r.judgement.final ? 'thực hiện' : 'dự báo'} ${fmt(r.judgement.projected)}`} — <b>${TARGET_STATUS_VI[r.judgement.status]}</b>.</li>`) : html`<li>Chưa đặt chỉ tiêu.</li>`}</ul>
${flagged.length ? html`<p><b>Đơn vị có chỉ tiêu có nguy cơ / không đạt:</b> ${flagged.map((r) => `${r.unitName} (${names.get(r.indicatorCode) ?? r.indicatorCode}: ${TARGET_STATUS_VI[r.judgement.status].toLowerCase()})`).join('; ')}.</p>` : ''}
<p><b>2. Kết quả thực hiện (${REPORT_PERIOD_LABELS_VI[d.period].toLowerCase()}):</b> ${outputs.length ? outputs.map((i) => `${i.nameVi}: ${fmt(d.outputs[i.code]!)}`).join('; ') : 'chưa có số liệu báo cáo'}.</p>
<p><b>3. Đơn vị chậm giải ngân (${lagging.length}/${d.budget.units.length}):</b> ${lagging.length ? lagging.slice(0, 12).map((u) => `${u.unitName} ${fmt(u.sharePercent)} % (yêu cầu ${fmt(u.requiredPercent)} %)`).join('; ') : 'không có'}.</p>
<p><b>4. Đơn vị quá hạn báo cáo (${late.length}/${d.status.rows.length}; hạn trước ${dmy(d.status.deadlines.communeDue)}):</b> ${late.length ? late.slice(0, 20).map((r) => r.unitName).join(', ') : 'không có'}.</p>
${d.targets.highPovertyCommunes.length ? html`<p><b>5. Xã có tỷ lệ hộ nghèo từ ${fmt(d.targets.highPovertyThreshold)} % trở lên:</b> ${d.targets.highPovertyCommunes.map((c) => `${c.name} (${fmt(c.rate)} %)`).join(', ')}.</p>` : ''}
</div>`,
  });
}
