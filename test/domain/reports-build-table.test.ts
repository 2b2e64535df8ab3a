/**
 * Report tables with units grouped under higher units (district subtotals of the 2024 layout): for any
 * counts, every count column of the total row equals the sum of the unit rows and the sum of the
 * subtotal rows, each subtotal equals the sum of its units, per Hộ / Nhân khẩu breakdown; groups are
 * Roman-numbered and units numbered within their group.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildSummaryTable, romanNumeral, type RowGroup } from '../../src/domain/reports/build-table.ts';
import { SUMMARY_FORMS, type FormContext } from '../../src/domain/reports/forms.ts';
import { emptyAgg, UNIT_COUNT_KEYS, type ReportAgg } from '../../src/domain/reports/report-agg.ts';
import { leafColumns, type ReportTable } from '../../src/domain/reports/report-table.ts';
import { SUMMARY_STATUSES } from '../../src/domain/reports/summary-rules.ts';

const CTX: FormContext = { indicators: [], minorityGroups: [], majorityGroup: 'Kinh', causes: [] };
const META = { subtitle: 's', year: 2025, unit: { code: '12', name: 'Tỉnh', tier: 'province' as const }, issuer: null, layout: '2024' as const, layoutNote: 'n', rowHeader: 'r' };

const agg = fc.array(fc.nat({ max: 500 }), { minLength: SUMMARY_STATUSES.length * 2, maxLength: SUMMARY_STATUSES.length * 2 }).map((ns): ReportAgg => {
  const a = emptyAgg();
  SUMMARY_STATUSES.forEach((s, i) => {
    a.status[s].households = ns[2 * i]!;
    a.status[s].persons = ns[2 * i]! + ns[2 * i + 1]!;
    for (const k of UNIT_COUNT_KEYS) if (k !== 'households' && k !== 'persons') a.status[s][k] = Math.min(ns[2 * i]!, 3);
  });
  return a;
});

const groups = fc.array(fc.array(agg, { maxLength: 5 }), { minLength: 1, maxLength: 6 }).map((gs): RowGroup[] =>
  gs.map((units, g) => ({ code: `D${g}`, name: `Huyện ${g}`, units: units.map((a, u) => ({ code: `C${g}.${u}`, name: `Xã ${g}.${u}`, agg: a })) })),
);

function sums(t: ReportTable, rows: (r: ReportTable['rows'][number]) => boolean, breakdown: string | undefined, key: string): number {
  return t.rows.filter((r) => rows(r) && r.breakdown === breakdown).reduce((s, r) => s + Number(r.values[key] ?? 0), 0);
}

test('grouped tables: total = Σ unit rows = Σ subtotal rows, each subtotal = Σ its units', () => {
  for (const form of [SUMMARY_FORMS.F1, SUMMARY_FORMS.F8, SUMMARY_FORMS.F12]) {
    fc.assert(
      fc.property(groups, (gs) => {
        const t = buildSummaryTable(form, CTX, gs, META);
        const keys = leafColumns(t.columns).filter((c) => c.kind === 'count').map((c) => c.key!);
        for (const total of t.rows.filter((r) => r.total)) {
          for (const k of keys) {
            assert.equal(total.values[k], sums(t, (r) => !r.total && !r.subtotal, total.breakdown, k), `${form.id} ${k}: Σ units`);
            assert.equal(total.values[k], sums(t, (r) => !!r.subtotal, total.breakdown, k), `${form.id} ${k}: Σ subtotals`);
          }
        }
        // Each subtotal equals the rows up to the next subtotal (its units).
        const first = t.rows.filter((r) => r.subtotal && r.breakdown === t.rows[0]!.breakdown);
        first.forEach((sub, i) => {
          const g = gs[i]!;
          assert.equal(sub.code, g.code);
          assert.equal(sub.no, romanNumeral(i + 1));
          const unitRows = t.rows.filter((r) => !r.total && !r.subtotal && r.breakdown === sub.breakdown && g.units.some((u) => u.code === r.code));
          assert.deepEqual(unitRows.map((r) => r.no), g.units.map((_, j) => j + 1));
          for (const k of keys) assert.equal(sub.values[k], unitRows.reduce((s, r) => s + Number(r.values[k] ?? 0), 0));
        });
      }),
      { numRuns: 60 },
    );
  }
});

test('Roman numerals of group rows', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 9, 10, 14, 19, 40, 90, 400, 1994].map(romanNumeral), ['I', 'II', 'III', 'IV', 'V', 'IX', 'X', 'XIV', 'XIX', 'XL', 'XC', 'CD', 'MCMXCIV']);
});
