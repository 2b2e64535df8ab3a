/** Draws a TableLayout as an HTML table for print. */
import { html, type SafeHtml } from './html.ts';
import { hasSubHeadings, leafColumns, type Cell, type TableLayout } from './table-layout.ts';

function cell(value: Cell, align: string | undefined): SafeHtml {
  return html`<td class="${align ?? ''}">${value ?? ''}</td>`;
}

export function tableHtml(t: TableLayout): SafeHtml {
  const leaves = leafColumns(t.headings);
  const total = leaves.reduce((n, c) => n + c.width, 0);
  const two = hasSubHeadings(t.headings);
  const top = t.headings.map((h) =>
    h.children ? html`<th colspan="${h.children.length}">${h.title}</th>` : html`<th${two ? html` rowspan="2"` : ''}>${h.title}</th>`,
  );
  const sub = two ? html`<tr>${t.headings.flatMap((h) => h.children ?? []).map((c) => html`<th>${c.title}</th>`)}</tr>` : '';
  const numbers = html`<tr class="numbers">${leaves.map((_, i) => html`<th>(${i + 1})</th>`)}</tr>`;
  const body = t.rows.map((r) =>
    r.kind === 'group'
      ? html`<tr class="group"><td colspan="${leaves.length}">${r.text}</td></tr>`
      : html`<tr>${r.cells.map((c, i) => cell(c, leaves[i]?.align))}</tr>`,
  );
  const totals = html`<tr class="totals"><td colspan="${t.totals.labelSpan}">${t.totals.label}</td>${t.totals.cells.map((c, i) =>
    cell(c, leaves[t.totals.labelSpan + i]?.align),
  )}</tr>`;
  return html`<table class="grid">
  <colgroup>${leaves.map((c) => html`<col style="width:${((c.width / total) * 100).toFixed(2)}%">`)}</colgroup>
  <thead><tr>${top}</tr>${sub}${numbers}</thead>
  <tbody>${body}${totals}</tbody>
</table>`;
}
