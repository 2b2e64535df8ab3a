/**
 * Deployment overrides of [S] / UNCONFIRMED parameters. A [C] value cannot be overridden: change it by
 * defining another standard (for instance a local provincial one).
 */
import type { ParameterKey, StandardParameters } from './parameters.ts';
import { defineStandard, type PovertyStandard } from './poverty-standard.ts';

export type ParameterOverrides = Partial<StandardParameters>;

/** Thrown when an override names an unknown or confirmed ([C]) parameter. */
export class ParameterOverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParameterOverrideError';
  }
}

/** Keys of the parameters a deployment may override ([S] or UNCONFIRMED). */
export function overridableParameters(standard: PovertyStandard): ParameterKey[] {
  return (Object.keys(standard.parameterInfo) as ParameterKey[]).filter((k) => standard.parameterInfo[k].status !== 'C');
}

/**
 * Returns a copy of the standard with the given parameters replaced. The result keeps the id and
 * records the changed keys in `overriddenParameters`; it is validated like any standard.
 */
export function withParameterOverrides(standard: PovertyStandard, overrides: ParameterOverrides): PovertyStandard {
  const keys = Object.keys(overrides) as ParameterKey[];
  if (keys.length === 0) return standard;
  for (const key of keys) {
    const info = standard.parameterInfo[key];
    if (info === undefined) throw new ParameterOverrideError(`Tham số "${key}" không tồn tại trong chuẩn ${standard.id}`);
    if (info.status === 'C') {
      throw new ParameterOverrideError(
        `Tham số "${key}" của chuẩn ${standard.id} đã được xác minh [C], không thể ghi đè; hãy khai báo một chuẩn khác (ví dụ chuẩn địa phương)`,
      );
    }
  }
  const overridden = new Set<ParameterKey>([...standard.overriddenParameters, ...keys]);
  return defineStandard({
    ...standard,
    parameters: { ...standard.parameters, ...structuredCloneSafe(overrides) },
    overriddenParameters: [...overridden],
  });
}

/** Copies plain JSON-like override values so that freezing the new standard never freezes caller objects. */
function structuredCloneSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
