/**
 * Which facts of the classification input model live where in the registry. Member columns hold
 * identity (name, birth, sex, ethnicity, citizen ID, relation); every other MemberInput fact is a key of
 * `member.facts`. Household-level facts (housing, water, latrine, …) are keys of `household.facts`.
 * The same field specs give the route JSON schemas (field-naming Vietnamese validation messages) and
 * the repository's own check, so callers that bypass HTTP (seeders, jobs) are held to the same rules.
 */
import {
  ATTENDING_LEVEL_LABELS,
  EDUCATION_LEVEL_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  FARM_OCCUPATION_LABELS,
  INFORMATION_DEVICE_LABELS,
  LATRINE_LABELS,
  STRUCTURAL_MATERIAL_LABELS,
  VOCATIONAL_QUALIFICATION_LABELS,
  WASTE_TREATMENT_LABELS,
  WATER_SOURCE_LABELS,
  type Disability,
  type Relation,
} from '../../domain/standards/fact-codes.ts';
import { RegistryError } from './errors.ts';

export const RELATION_LABELS: Readonly<Record<Relation, string>> = {
  head: 'chủ hộ',
  spouse: 'vợ/chồng',
  child: 'con',
  parent: 'cha/mẹ',
  grandchild: 'cháu',
  sibling: 'anh/chị/em',
  other_relative: 'họ hàng khác',
  other: 'khác',
};

export const DISABILITY_LABELS: Readonly<Record<Disability, string>> = {
  none: 'không',
  mild: 'nhẹ',
  severe: 'nặng',
  very_severe: 'đặc biệt nặng',
};

export type FieldSpec =
  | { kind: 'boolean' }
  | { kind: 'code'; codes: object }
  | { kind: 'codes'; codes: object }
  | { kind: 'number'; minimum: number }
  | { kind: 'object'; fields: Readonly<Record<string, FieldSpec>>; required: readonly string[] };

const bool: FieldSpec = { kind: 'boolean' };
const code = (codes: object): FieldSpec => ({ kind: 'code', codes });
const material = code(STRUCTURAL_MATERIAL_LABELS);

/** MemberInput facts stored in `member.facts`. */
export const MEMBER_FACT_FIELDS: Readonly<Record<string, FieldSpec>> = {
  disability: code(DISABILITY_LABELS),
  monthlySocialAllowance: bool,
  healthInsurance: bool,
  attendingSchool: bool,
  attendingLevel: code(ATTENDING_LEVEL_LABELS),
  highestCompletedLevel: code(EDUCATION_LEVEL_LABELS),
  vocationalQualification: code(VOCATIONAL_QUALIFICATION_LABELS),
  employment: code(EMPLOYMENT_STATUS_LABELS),
  hasLabourContract: bool,
  ableToWork: bool,
  stunted: bool,
  underweight: bool,
  illWithoutTreatment: bool,
  personWithMerit: bool,
};

/** HouseholdInput facts stored in `household.facts` (and snapshotted by surveys). */
export const HOUSEHOLD_FACT_FIELDS: Readonly<Record<string, FieldSpec>> = {
  housing: {
    kind: 'object',
    fields: { floorArea: { kind: 'number', minimum: 0 }, frame: material, walls: material, roof: material },
    required: ['floorArea', 'frame', 'walls', 'roof'],
  },
  waterSource: code(WATER_SOURCE_LABELS),
  latrine: code(LATRINE_LABELS),
  usesInternet: bool,
  usesTelephone: bool,
  informationDevices: { kind: 'codes', codes: INFORMATION_DEVICE_LABELS },
  hearsLoudspeaker: bool,
  wasteTreatment: code(WASTE_TREATMENT_LABELS),
  farmOccupations: { kind: 'codes', codes: FARM_OCCUPATION_LABELS },
};

/** JSON schema of a field spec (for Fastify route schemas). */
export function jsonSchemaOf(spec: FieldSpec): Record<string, unknown> {
  switch (spec.kind) {
    case 'boolean':
      return { type: 'boolean' };
    case 'code':
      return { type: 'string', enum: Object.keys(spec.codes) };
    case 'codes':
      return { type: 'array', uniqueItems: true, items: { type: 'string', enum: Object.keys(spec.codes) } };
    case 'number':
      return { type: 'number', minimum: spec.minimum };
    case 'object':
      return factsJsonSchema(spec.fields, spec.required);
  }
}

export function factsJsonSchema(fields: Readonly<Record<string, FieldSpec>>, required: readonly string[] = []): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    ...(required.length > 0 && { required: [...required] }),
    properties: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, jsonSchemaOf(v)])),
  };
}

function checkValue(spec: FieldSpec, value: unknown, field: string): void {
  switch (spec.kind) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new RegistryError('field_type', { field, type: 'đúng/sai' });
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.minimum) throw new RegistryError('field_type', { field, type: `số ≥ ${spec.minimum}` });
      return;
    case 'code':
      if (typeof value !== 'string' || !Object.hasOwn(spec.codes, value)) throw new RegistryError('field_enum', { field, values: Object.keys(spec.codes).join(', ') });
      return;
    case 'codes':
      if (!Array.isArray(value)) throw new RegistryError('field_type', { field, type: 'danh sách' });
      for (const v of value) if (typeof v !== 'string' || !Object.hasOwn(spec.codes, v)) throw new RegistryError('field_enum', { field, values: Object.keys(spec.codes).join(', ') });
      return;
    case 'object':
      checkFacts(spec.fields, value, field, spec.required);
      return;
  }
}

/**
 * Checks a facts object against its field specs; returns a copy without undefined/null keys (a null
 * clears the fact). Throws RegistryError naming the field (e.g. "facts.housing.roof").
 */
export function checkFacts(fields: Readonly<Record<string, FieldSpec>>, value: unknown, path: string, required: readonly string[] = []): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RegistryError('field_type', { field: path, type: 'đối tượng' });
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const spec = fields[k];
    if (!spec) throw new RegistryError('field_unknown', { field: `${path}.${k}` });
    if (v === undefined || v === null) continue;
    checkValue(spec, v, `${path}.${k}`);
    out[k] = v;
  }
  for (const r of required) if (!(r in out)) throw new RegistryError('field_required', { field: `${path}.${r}` });
  return out;
}
