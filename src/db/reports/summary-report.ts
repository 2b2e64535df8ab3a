/**
 * A summary form (F1–F13) for a unit and list year: the summary tables read once per dimension the
 * form needs, grouped by the row units, turned into aggregates and laid out by the domain's form
 * definition. Never reads households.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { emptyAgg, UNIT_COUNT_KEYS, type ReportAgg } from '../../domain/reports/report-agg.ts';
import { SUMMARY_FORMS, type FormContext, type SummaryFormId } from '../../domain/reports/forms.ts';
import { buildSummaryTable, type RowUnit } from '../../domain/reports/build-table.ts';
import type { ReportTable } from '../../domain/reports/report-table.ts';
import { DEFAULT_SUMMARY_RULES } from '../../domain/reports/summary-rules.ts';
import { listIndicators } from '../../domain/standards/indicator-catalogue.ts';
import { standardForYear } from '../../domain/standards/registry.ts';
import { POVERTY_CAUSES } from '../registry/survey-codes.ts';
import { groupCode, readDimensionSummary, readMovementTallies, readUnitSummary, type SummaryDimension } from './summary-read.ts';
import { resolveReportUnit, rowUnitNames, type ResolvedUnit } from './report-unit.ts';

/** Which summary reads each form needs besides the unit counts. */
const FORM_NEEDS: Readonly<Record<SummaryFormId, { dims: readonly SummaryDimension[]; movement: boolean }>> = {
  F1: { dims: [], movement: false },
  F2: { dims: [], movement: true },
  F3: { dims: [], movement: true },
  F4: { dims: ['deprivation'], movement: false },
  F5: { dims: ['deprivation'], movement: false },
  F6: { dims: ['deprivation'], movement: false },
  F7: { dims: ['deprivation'], movement: false },
  F8: { dims: [], movement: false },
  F9: { dims: ['ethnicity'], movement: false },
  F10: { dims: ['cause'], movement: false },
  F11: { dims: [], movement: false },
  F12: { dims: [], movement: false },
  F13: { dims: [], movement: false },
};

/** The unit layout note: rows use the 2025 (two-tier) units; earlier years are shown through the succession. */
export function layoutNote(year: number): string {
  const base = 'Đơn vị hành chính theo bố cục năm 2025 (hai cấp: tỉnh – xã).';
  return year <= 2025
    ? `${base} Số liệu năm ${year} (trước sắp xếp ngày 01/7/2025) được trình bày theo đơn vị mới qua liên kết kế thừa: mỗi hộ được tính theo thôn, bản và xã mới của hộ.`
    : base;
}

async function aggregates(db: Kysely<DB>, scope: Scope, unit: ResolvedUnit, year: number, form: SummaryFormId): Promise<Map<string, ReportAgg>> {
  const q = { year, unit: unit.summary, groupBy: unit.groupBy };
  const out = new Map<string, ReportAgg>();
  const aggOf = (code: string) => {
    let a = out.get(code);
    if (!a) out.set(code, (a = emptyAgg()));
    return a;
  };
  for (const r of await readUnitSummary(db, scope, q)) {
    const c = aggOf(groupCode(r, unit.groupBy)).status[r.status];
    for (const k of UNIT_COUNT_KEYS) c[k] += r[k];
  }
  const needs = FORM_NEEDS[form];
  for (const dim of needs.dims) {
    for (const r of await readDimensionSummary(db, scope, q, dim)) {
      const a = aggOf(groupCode(r, unit.groupBy));
      if (dim === 'ethnicity') {
        const e = ((a.ethnic[r.status] ??= {})[r.value] ??= { households: 0, persons: 0 });
        e.households += r.households;
        e.persons += r.persons;
      } else {
        const m = ((dim === 'deprivation' ? a.deprivation : a.cause)[r.status] ??= {});
        m[r.value] = (m[r.value] ?? 0) + r.households;
      }
    }
  }
  if (needs.movement) {
    for (const [code, tally] of await readMovementTallies(db, scope, unit.summary, year, unit.groupBy)) aggOf(code).movement = tally;
  }
  return out;
}

function formContext(year: number, aggs: Iterable<ReportAgg>): FormContext {
  const standard = standardForYear(year);
  const majority = DEFAULT_SUMMARY_RULES.majorityEthnicGroup;
  const groups = new Map<string, number>();
  for (const a of aggs) {
    for (const s of ['poor', 'near_poor']) {
      for (const [g, v] of Object.entries(a.ethnic[s] ?? {})) if (g !== '' && g !== majority && v.households > 0) groups.set(g, (groups.get(g) ?? 0) + v.households);
    }
  }
  return {
    indicators: standard ? listIndicators(standard).map((i) => ({ id: i.id, label: i.label })) : [],
    minorityGroups: [...groups.entries()].toSorted((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi')).map(([g]) => g),
    majorityGroup: majority,
    causes: Object.entries(POVERTY_CAUSES).map(([code, label]) => ({ code, label })),
  };
}

export interface ReportRequest {
  form: SummaryFormId;
  year: number;
  /** '' nation, province, commune or 'COMMUNE:VILLAGE'. */
  unit: string;
}

export async function buildSummaryReport(db: Kysely<DB>, scope: Scope, req: ReportRequest): Promise<ReportTable> {
  const unit = await resolveReportUnit(db, scope, req.unit);
  const aggs = await aggregates(db, scope, unit, req.year, req.form);
  const names = await rowUnitNames(db, unit, req.year);
  const codes = [...new Set([...names.keys(), ...aggs.keys()])].toSorted();
  const units: RowUnit[] = codes.map((code) => ({
    code,
    name: names.get(code) ?? (code === '' ? 'Chưa xác định thôn, bản' : code),
    agg: aggs.get(code) ?? emptyAgg(),
  }));
  const standard = standardForYear(req.year);
  return buildSummaryTable(SUMMARY_FORMS[req.form], formContext(req.year, aggs.values()), units, {
    subtitle: `Năm ${req.year} — ${[unit.name, ...unit.parents.toReversed()].join(', ')}`,
    year: req.year,
    unit: { code: unit.code, name: unit.name, tier: unit.tier },
    issuer: unit.issuer,
    layout: '2025',
    layoutNote: layoutNote(req.year),
    rowHeader: unit.rowHeader,
    notes: standard ? [`Chuẩn nghèo áp dụng: ${standard.name}.`] : [],
  });
}
