/**
 * Values a unit reports for a period (program_output): outputs such as jobs created or houses
 * supported, and any user-defined indicator. Entered by the commune (or the province for itself);
 * every change audited.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { scopePredicate } from '../scope-filter.ts';
import type { Pace } from '../../domain/program/projection.ts';
import type { ReportPeriod } from '../../domain/program/report-cycle.ts';
import { indicatorsOf } from './catalog.ts';
import { ProgramError } from './errors.ts';
import { programDb, sharedView } from './tables.ts';
import type { ProgramUnit } from './units.ts';

export interface OutputValue {
  unitCode: string;
  indicatorCode: string;
  year: number;
  period: ReportPeriod;
  value: number;
}

/** Entered values of the unit (a province: its own and its communes') for the years. */
export async function readOutputs(db: Kysely<DB>, scope: Scope, unit: ProgramUnit, fromYear: number, toYear: number): Promise<OutputValue[]> {
  let q = programDb(db)
    .selectFrom('program_output')
    .select(['unit_code', 'indicator_code', 'year', 'period', 'value'])
    .where('province_code', '=', unit.provinceCode)
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .where(scopePredicate(scope, { province: 'province_code', commune: 'unit_code' }));
  if (unit.tier === 'commune') q = q.where('unit_code', '=', unit.code);
  const rows = await q.orderBy('unit_code').orderBy('indicator_code').orderBy('year').orderBy('period').execute();
  return rows.map((r) => ({ unitCode: r.unit_code, indicatorCode: r.indicator_code, year: r.year, period: r.period, value: Number(r.value) }));
}

export interface OutputEntry {
  indicatorCode: string;
  value: number | null;
}

/** Records a unit's values for one period (null removes a value). Only report-sourced indicators. */
export async function enterOutputs(db: Kysely<DB>, actor: Actor, unit: ProgramUnit, year: number, period: ReportPeriod, entries: readonly OutputEntry[]): Promise<OutputValue[]> {
  const known = new Map((await indicatorsOf(db, unit.provinceCode)).map((i) => [i.code, i]));
  for (const e of entries) {
    if (known.get(e.indicatorCode)?.source !== 'report') throw new ProgramError('program_indicator_unknown', { code: e.indicatorCode });
  }
  return programDb(db).transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('program_output')
      .select(['indicator_code', 'value'])
      .where('province_code', '=', unit.provinceCode)
      .where('unit_code', '=', unit.code)
      .where('year', '=', year)
      .where('period', '=', period)
      .execute();
    for (const e of entries) {
      const del = trx
        .deleteFrom('program_output')
        .where('province_code', '=', unit.provinceCode)
        .where('unit_code', '=', unit.code)
        .where('indicator_code', '=', e.indicatorCode)
        .where('year', '=', year)
        .where('period', '=', period);
      if (e.value === null) {
        await del.execute();
        continue;
      }
      const values = { province_code: unit.provinceCode, unit_code: unit.code, indicator_code: e.indicatorCode, year, period, value: e.value, entered_by: actor.id };
      await trx
        .insertInto('program_output')
        .values(values)
        .onConflict((oc) => oc.columns(['province_code', 'unit_code', 'indicator_code', 'year', 'period']).doUpdateSet({ value: values.value, entered_by: actor.id, entered_at: new Date() }))
        .execute();
    }
    await recordAudit(sharedView(trx), actor, {
      action: 'program.outputs',
      entity: 'program_output',
      entityId: `${unit.code}/${year}/${period}`,
      provinceCode: unit.provinceCode,
      unitCode: unit.code,
      before: Object.fromEntries(before.map((b) => [b.indicator_code, Number(b.value)])),
      after: Object.fromEntries(entries.map((e) => [e.indicatorCode, e.value])),
    });
    return entries.flatMap((e) => (e.value === null ? [] : [{ unitCode: unit.code, indicatorCode: e.indicatorCode, year, period, value: e.value }]));
  });
}

/**
 * A flow indicator's figures in a year for a unit (a province adds up every unit of it that reported,
 * its own entries included). Each unit counts once: its annual figure if reported (it covers the whole
 * year, the first six months included), else its six-month figure, which the projection doubles. So
 * one commune's annual report does not make the province's figure final while the others have only
 * reported six months. Units that reported nothing are not counted.
 */
export function reachedInYear(values: readonly OutputValue[], units: ReadonlySet<string> | null, indicatorCode: string, year: number): Pace | null {
  const byUnit = new Map<string, { h1?: number; y?: number }>();
  for (const v of values) {
    if (v.indicatorCode !== indicatorCode || v.year !== year || (units && !units.has(v.unitCode))) continue;
    const u = byUnit.get(v.unitCode) ?? {};
    if (v.period === 'Y') u.y = v.value;
    else u.h1 = v.value;
    byUnit.set(v.unitCode, u);
  }
  if (!byUnit.size) return null;
  const pace: Pace = { reached: 0, projected: 0, units: byUnit.size, annualUnits: 0 };
  for (const u of byUnit.values()) {
    if (u.y !== undefined) {
      pace.reached += u.y;
      pace.projected += u.y;
      pace.annualUnits++;
    } else {
      pace.reached += u.h1 ?? 0;
      pace.projected += (u.h1 ?? 0) * 2;
    }
  }
  return pace;
}

/** A level indicator's yearly series from reports (annual figures, else six-month ones). */
export function reportedSeries(values: readonly OutputValue[], unitCode: string, indicatorCode: string): Array<{ year: number; value: number }> {
  const years = new Map<number, number>();
  for (const v of values) {
    if (v.unitCode !== unitCode || v.indicatorCode !== indicatorCode) continue;
    if (v.period === 'Y' || !years.has(v.year)) years.set(v.year, v.value);
  }
  return [...years].toSorted((a, b) => a[0] - b[0]).map(([year, value]) => ({ year, value }));
}
