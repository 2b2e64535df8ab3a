/**
 * Changes over time between two periods' results computed with the same specification
 * (indicators, weights, k). Definitions follow the usual Alkire-Foster / mpitb conventions:
 * absolute change Δ = X₂ − X₁; relative change (X₂ − X₁)/X₁; annualised absolute change Δ/years;
 * annualised relative change (X₂/X₁)^(1/years) − 1. All as fractions (not ×100).
 */
import { MpiInputError } from './errors.ts';
import type { MpiMeasures, MpiResult } from './types.ts';

export interface MpiValueChange {
  readonly before: number;
  readonly after: number;
  /** after − before. */
  readonly absolute: number;
  /** (after − before) / before; null when before = 0. */
  readonly relative: number | null;
  /** absolute / years; null when no period length was given. */
  readonly annualisedAbsolute: number | null;
  /** (after/before)^(1/years) − 1; null when before = 0 or no period length was given. */
  readonly annualisedRelative: number | null;
}

export interface MpiIndicatorChange {
  readonly uncensored: MpiValueChange;
  readonly censored: MpiValueChange;
}

export interface MpiMeasuresChange {
  readonly H: MpiValueChange;
  readonly A: MpiValueChange;
  readonly M0: MpiValueChange;
  readonly indicators: Readonly<Record<string, MpiIndicatorChange>>;
}

export interface MpiChange extends MpiMeasuresChange {
  readonly years: number | null;
  /** Subgroups present in both periods. */
  readonly subgroups: Readonly<Record<string, MpiMeasuresChange>>;
}

export interface MpiChangeOptions {
  /** Length of the period in years (t₂ − t₁, may be fractional), for annualised changes. */
  readonly years?: number;
}

export function mpiValueChange(before: number, after: number, years: number | null): MpiValueChange {
  const absolute = after - before;
  const relative = before !== 0 ? absolute / before : null;
  return {
    before,
    after,
    absolute,
    relative,
    annualisedAbsolute: years === null ? null : absolute / years,
    annualisedRelative: years === null || before === 0 ? null : (after / before) ** (1 / years) - 1,
  };
}

function measuresChange(a: MpiMeasures, b: MpiMeasures, names: readonly string[], years: number | null): MpiMeasuresChange {
  return {
    H: mpiValueChange(a.H, b.H, years),
    A: mpiValueChange(a.A, b.A, years),
    M0: mpiValueChange(a.M0, b.M0, years),
    indicators: Object.fromEntries(names.map((n): [string, MpiIndicatorChange] => [n, {
      uncensored: mpiValueChange(a.indicators[n].uncensored, b.indicators[n].uncensored, years),
      censored: mpiValueChange(a.indicators[n].censored, b.indicators[n].censored, years),
    }])),
  };
}

function sameSpecification(a: MpiResult, b: MpiResult): boolean {
  const wa = Object.entries(a.specification.weights);
  const wb = Object.entries(b.specification.weights);
  return a.specification.k === b.specification.k &&
    wa.length === wb.length &&
    wa.every(([n, w], i) => wb[i][0] === n && wb[i][1] === w);
}

/** Compares two results (earlier period first). Throws if they were computed with different specifications. */
export function compareMpi(before: MpiResult, after: MpiResult, options: MpiChangeOptions = {}): MpiChange {
  if (!sameSpecification(before, after)) {
    throw new MpiInputError(
      'different-specification',
      'Hai kỳ phải dùng cùng bộ chỉ số, trọng số và ngưỡng k để so sánh (results use different specifications).',
    );
  }
  const years = options.years ?? null;
  if (years !== null && !(Number.isFinite(years) && years > 0)) {
    throw new MpiInputError('invalid-years', `Số năm giữa hai kỳ phải là số dương, nhận được ${String(years)} (invalid period length).`);
  }
  const names = Object.keys(before.specification.weights);
  const groups = Object.keys(before.subgroups).filter((g) => Object.hasOwn(after.subgroups, g));
  return {
    ...measuresChange(before, after, names, years),
    years,
    subgroups: Object.fromEntries(groups.map((g): [string, MpiMeasuresChange] => [
      g, measuresChange(before.subgroups[g], after.subgroups[g], names, years),
    ])),
  };
}
