/**
 * The code lists of the import columns, resolved from their single sources: the classification input
 * model's fact codes (src/domain/standards/fact-codes.ts), the registry's relation/disability labels
 * (fact-fields.ts) and the survey code lists (survey-codes.ts). A cell may hold the code or its label;
 * labels are matched after folding (case, diacritics and spaces ignored).
 */
import type { CodeListId } from '../../domain/import/column-types.ts';
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
} from '../../domain/standards/fact-codes.ts';
import { DISABILITY_LABELS, RELATION_LABELS } from '../registry/fact-fields.ts';
import { POVERTY_CAUSES, SUPPORT_NEEDS } from '../registry/survey-codes.ts';
import { searchFold } from '../registry/text.ts';

export const CODE_LISTS: Readonly<Record<CodeListId, Readonly<Record<string, string>>>> = {
  sex: { male: 'nam', female: 'nữ' },
  relation: RELATION_LABELS,
  disability: DISABILITY_LABELS,
  structural_material: STRUCTURAL_MATERIAL_LABELS,
  water_source: WATER_SOURCE_LABELS,
  latrine: LATRINE_LABELS,
  information_device: INFORMATION_DEVICE_LABELS,
  waste_treatment: WASTE_TREATMENT_LABELS,
  farm_occupation: FARM_OCCUPATION_LABELS,
  attending_level: ATTENDING_LEVEL_LABELS,
  education_level: EDUCATION_LEVEL_LABELS,
  vocational_qualification: VOCATIONAL_QUALIFICATION_LABELS,
  employment: EMPLOYMENT_STATUS_LABELS,
  poverty_cause: POVERTY_CAUSES,
  support_need: SUPPORT_NEEDS,
};

/** Folded label or code → code, per list (built once). */
const LOOKUP = new Map<CodeListId, Map<string, string>>();

function lookupOf(list: CodeListId): Map<string, string> {
  let m = LOOKUP.get(list);
  if (!m) {
    m = new Map();
    for (const [code, label] of Object.entries(CODE_LISTS[list])) {
      m.set(searchFold(label), code);
      m.set(code.toLowerCase(), code);
    }
    LOOKUP.set(list, m);
  }
  return m;
}

/** Cells already resolved, per list: a column repeats a few values millions of times (bounded). */
const SEEN = new Map<CodeListId, Map<string, string | null>>();
const MAX_SEEN = 10_000;

/** The code a cell names (code or label), or null when it names none. */
export function codeOf(list: CodeListId, cell: string): string | null {
  let seen = SEEN.get(list);
  if (!seen) SEEN.set(list, (seen = new Map()));
  const hit = seen.get(cell);
  if (hit !== undefined) return hit;
  const code = lookupOf(list).get(searchFold(cell)) ?? null;
  if (seen.size < MAX_SEEN) seen.set(cell, code);
  return code;
}

/** The codes of the list, for SQL `in (…)` checks. */
export function codesOf(list: CodeListId): string[] {
  return Object.keys(CODE_LISTS[list]);
}
