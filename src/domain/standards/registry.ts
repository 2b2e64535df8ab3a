/**
 * Registry of the standards known to a deployment: the national ones plus any local (provincial)
 * standards and parameter overrides the deployment configures.
 */
import { BAC_NINH_2022_2025 } from './local-standard.ts';
import { ND07_2021 } from './nd07-2021.ts';
import { ND351_2025 } from './nd351-2025.ts';
import { withParameterOverrides, type ParameterOverrides } from './overrides.ts';
import { nationalStandardIdForYear } from './periods.ts';
import type { PovertyStandard } from './poverty-standard.ts';
import { QD59_2015 } from './qd59-2015.ts';
import type { StandardId } from './types.ts';

export const NATIONAL_STANDARDS: readonly PovertyStandard[] = Object.freeze([QD59_2015, ND07_2021, ND351_2025]);

/** Local standards shipped as examples; a deployment registers its own. */
export const BUILTIN_LOCAL_STANDARDS: readonly PovertyStandard[] = Object.freeze([BAC_NINH_2022_2025]);

export class UnknownStandardError extends Error {
  constructor(id: string, known: readonly string[]) {
    super(`Không có chuẩn nghèo "${id}"; các chuẩn hiện có: ${known.join(', ')}`);
    this.name = 'UnknownStandardError';
  }
}

export class StandardRegistry {
  readonly #byId = new Map<StandardId, PovertyStandard>();

  constructor(standards: readonly PovertyStandard[] = [...NATIONAL_STANDARDS, ...BUILTIN_LOCAL_STANDARDS]) {
    for (const s of standards) this.register(s);
  }

  /** Adds or replaces a standard (e.g. a local provincial one). */
  register(standard: PovertyStandard): void {
    this.#byId.set(standard.id, standard);
  }

  /** Replaces a registered standard by a copy with the given [S]/UNCONFIRMED parameter overrides. */
  override(id: StandardId, overrides: ParameterOverrides): PovertyStandard {
    const next = withParameterOverrides(this.get(id), overrides);
    this.#byId.set(id, next);
    return next;
  }

  has(id: StandardId): boolean {
    return this.#byId.has(id);
  }

  /** The standard with this id; throws UnknownStandardError (Vietnamese message) otherwise. */
  get(id: StandardId): PovertyStandard {
    const s = this.#byId.get(id);
    if (s === undefined) throw new UnknownStandardError(id, [...this.#byId.keys()]);
    return s;
  }

  list(): PovertyStandard[] {
    return [...this.#byId.values()];
  }

  /** The national standard for a policy year, or undefined outside the known periods. */
  nationalForYear(year: number): PovertyStandard | undefined {
    const id = nationalStandardIdForYear(year);
    return id === undefined ? undefined : this.get(id);
  }

  /** Local standards of a province (matched by code, else by name) covering a policy year. */
  localForYear(year: number, province: { code?: string; name?: string }): PovertyStandard[] {
    return this.list().filter((s) => {
      if (s.scope.kind !== 'local' || year < s.years.from || year > s.years.to) return false;
      if (province.code !== undefined && s.scope.provinceCode !== undefined) return s.scope.provinceCode === province.code;
      return province.name !== undefined && s.scope.provinceName === province.name;
    });
  }
}

/** Registry with the national standards and the built-in local examples, without overrides. */
export const defaultStandardRegistry = new StandardRegistry();

/** Shortcut: a standard of the default registry by id. */
export function getStandard(id: StandardId): PovertyStandard {
  return defaultStandardRegistry.get(id);
}

/** Shortcut: the national standard of the default registry for a policy year. */
export function standardForYear(year: number): PovertyStandard | undefined {
  return defaultStandardRegistry.nationalForYear(year);
}
