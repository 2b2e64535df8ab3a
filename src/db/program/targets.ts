/**
 * Targets per unit, indicator and year, with their actual values and the projection's verdict.
 * Registry indicators read the recognised lists (registry-rates.ts); the others read entered reports.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { scopePredicate } from '../scope-filter.ts';
import { judgementIn, judgePace, judgeTrend, withNote, type Judgement, type JudgementText, type YearValue } from '../../domain/program/projection.ts';
import { problem } from '../../domain/review/problem.ts';
import type { IndicatorDef } from '../../domain/program/indicators.ts';
import { isHighPovertyRate } from '../../domain/program/unit-statuses.ts';
import { indicatorsOf } from './catalog.ts';
import { ProgramError } from './errors.ts';
import { readOutputs, reachedInYear, reportedSeries } from './outputs.ts';
import { registryRates, registrySeries, type UnitYearRates } from './registry-rates.ts';
import { readProgramSettings } from './settings.ts';
import { programDb, sharedView } from './tables.ts';
import { communesOf, type ProgramUnit } from './units.ts';

/** Years of history read for trends (more when the settings ask for more points than that). */
export const HISTORY_YEARS = 5;

export interface TargetRow {
  unitCode: string;
  unitName: string;
  indicatorCode: string;
  year: number;
  target: number;
  note: string | null;
  version: number;
  series: YearValue[];
  /** The verdict, its explanation in the language asked for. */
  judgement: JudgementText;
}

export interface TargetsView {
  unit: ProgramUnit;
  year: number;
  indicators: IndicatorDef[];
  rows: TargetRow[];
  rates: UnitYearRates[];
  /** Communes at or above the high-poverty threshold in the latest year with a figure. */
  highPovertyCommunes: Array<{ code: string; name: string; year: number; rate: number }>;
  highPovertyThreshold: number;
  /** The unit and, for a province, its communes (code order): the units targets can be set for. */
  units: Array<{ code: string; name: string }>;
}

/**
 * The targets of a unit for a year (a province: its own and its communes'), judged; the explanations
 * in `locale` (Vietnamese unless English is asked for).
 */
export async function readTargets(db: Kysely<DB>, scope: Scope, unit: ProgramUnit, year: number, today: string, locale: 'vi' | 'en' = 'vi'): Promise<TargetsView> {
  const settings = await readProgramSettings(db, unit.provinceCode);
  const indicators = await indicatorsOf(db, unit.provinceCode);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const communes = await communesOf(db, unit.provinceCode, today);
  const names = new Map([[unit.provinceCode, unit.tier === 'province' ? unit.name : unit.provinceCode], ...communes.map((c) => [c.code, c.name] as const)]);
  if (unit.tier === 'commune') names.set(unit.code, unit.name);

  let q = programDb(db)
    .selectFrom('program_target')
    .selectAll()
    .where('province_code', '=', unit.provinceCode)
    .where('year', '=', year)
    .where(scopePredicate(scope, { province: 'province_code', commune: 'unit_code' }));
  if (unit.tier === 'commune') q = q.where('unit_code', '=', unit.code);
  const targets = await q.orderBy('unit_code').orderBy('indicator_code').execute();

  const from = year - Math.max(HISTORY_YEARS, settings.projection.minPoints);
  const rates = await registryRates(db, scope, unit.provinceCode, from, year);
  const outputs = await readOutputs(db, scope, unit, from, year);

  const rows: TargetRow[] = targets.map((t) => {
    const def = byCode.get(t.indicator_code);
    const input = { unit: def?.unit ?? 'count', direction: def?.direction ?? 'increase', target: Number(t.target), targetYear: year } as const;
    let series: YearValue[] = [];
    let judgement: Judgement;
    if (!def) {
      judgement = { status: 'no_data', projected: null, final: false, explanation: problem('Chỉ tiêu không còn trong danh mục.', 'The indicator is no longer in the catalogue.') };
    } else if (def.source === 'registry') {
      const all = registrySeries(rates, t.unit_code, def.code);
      // Lists under another poverty standard are not comparable: trend over the latest standard's years only.
      const last = all[all.length - 1]?.standardId ?? null;
      series = all.filter((p) => p.standardId === last).map(({ year: y, value }) => ({ year: y, value }));
      judgement = judgeTrend(input, series, settings.projection);
      if (series.length < all.length) judgement = withNote(judgement, problem(`(Chỉ dùng các năm theo cùng chuẩn nghèo ${last ?? ''}.)`, `(Only the years under the same poverty standard ${last ?? ''} are used.)`));
    } else if (def.kind === 'flow') {
      // A flow target is the amount of its year: the province's adds up every unit's figures (null = all units).
      const ofProvince = t.unit_code === unit.provinceCode;
      const units = ofProvince ? null : new Set([t.unit_code]);
      series = [...new Set(outputs.filter((o) => o.indicatorCode === def.code).map((o) => o.year))].toSorted((a, b) => a - b).flatMap((y) => {
        const r = reachedInYear(outputs, units, def.code, y);
        return r ? [{ year: y, value: r.reached }] : [];
      });
      judgement = judgePace(input, reachedInYear(outputs, units, def.code, year), settings.projection, ofProvince);
    } else {
      series = reportedSeries(outputs, t.unit_code, def.code);
      judgement = judgeTrend(input, series, settings.projection);
    }
    return { unitCode: t.unit_code, unitName: names.get(t.unit_code) ?? t.unit_code, indicatorCode: t.indicator_code, year, target: Number(t.target), note: t.note, version: t.version, series, judgement: judgementIn(judgement, locale) };
  });

  const latest = new Map<string, UnitYearRates>();
  for (const r of rates) if (r.unitCode !== unit.provinceCode && r.povertyRate !== null) latest.set(r.unitCode, r);
  const highPovertyCommunes = [...latest.values()]
    .filter((r) => isHighPovertyRate(r.povertyRate, settings.highPovertyRatePercent))
    .map((r) => ({ code: r.unitCode, name: names.get(r.unitCode) ?? r.unitCode, year: r.year, rate: r.povertyRate! }));
  const units = unit.tier === 'province' ? [{ code: unit.code, name: unit.name }, ...communes] : [{ code: unit.code, name: unit.name }];
  return { unit, year, indicators, rows, rates, highPovertyCommunes, highPovertyThreshold: settings.highPovertyRatePercent, units };
}

export interface TargetInput {
  unitCode: string;
  indicatorCode: string;
  year: number;
  /** null removes the target. */
  target: number | null;
  note?: string | null;
}

/** Sets (or removes) targets of units inside the province; one audit entry per changed target. */
export async function setTargets(db: Kysely<DB>, actor: Actor, scope: Scope, province: ProgramUnit, inputs: readonly TargetInput[], today: string): Promise<number> {
  const known = new Set((await indicatorsOf(db, province.provinceCode)).map((i) => i.code));
  const units = new Set([province.provinceCode, ...(await communesOf(db, province.provinceCode, today)).map((c) => c.code)]);
  for (const t of inputs) {
    if (!known.has(t.indicatorCode)) throw new ProgramError('program_indicator_unknown', { code: t.indicatorCode });
    if (!units.has(t.unitCode)) throw new ProgramError('program_unit_invalid', { code: t.unitCode });
  }
  return programDb(db).transaction().execute(async (trx) => {
    let changed = 0;
    for (const t of inputs) {
      const before = await trx
        .selectFrom('program_target')
        .selectAll()
        .where('province_code', '=', province.provinceCode)
        .where('unit_code', '=', t.unitCode)
        .where('indicator_code', '=', t.indicatorCode)
        .where('year', '=', t.year)
        .where(scopePredicate(scope, { province: 'province_code', commune: 'unit_code' }))
        .executeTakeFirst();
      if (t.target === null) {
        if (!before) continue;
        await trx
          .deleteFrom('program_target')
          .where('province_code', '=', province.provinceCode)
          .where('unit_code', '=', t.unitCode)
          .where('indicator_code', '=', t.indicatorCode)
          .where('year', '=', t.year)
          .execute();
      } else {
        const values = { province_code: province.provinceCode, unit_code: t.unitCode, indicator_code: t.indicatorCode, year: t.year, target: t.target, note: t.note ?? null, updated_by: actor.id };
        await trx
          .insertInto('program_target')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['province_code', 'unit_code', 'indicator_code', 'year']).doUpdateSet((eb) => ({ target: values.target, note: values.note, updated_by: actor.id, updated_at: new Date(), version: eb('program_target.version', '+', 1) })),
          )
          .execute();
      }
      changed += 1;
      await recordAudit(sharedView(trx), actor, {
        action: t.target === null ? 'program.target_remove' : 'program.target_set',
        entity: 'program_target',
        entityId: `${t.unitCode}/${t.indicatorCode}/${t.year}`,
        provinceCode: province.provinceCode,
        unitCode: t.unitCode,
        before: before ? { target: Number(before.target), note: before.note } : null,
        after: t.target === null ? null : { target: t.target, note: t.note ?? null },
      });
    }
    return changed;
  });
}
