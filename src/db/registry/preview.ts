/**
 * Live classification of an unsaved household input (the form as it is being typed): the standard by id
 * or by policy year, the area given or taken from a commune as of the reference date. Stores nothing.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { classifyHousehold } from '../../domain/classification/classify-household.ts';
import type { HouseholdInput } from '../../domain/classification/household-input.ts';
import { ClassificationInputError } from '../../domain/classification/input-error.ts';
import { parseClassificationInput } from '../../domain/classification/parse-input.ts';
import type { HouseholdClassification } from '../../domain/classification/result.ts';
import { defaultStandardRegistry } from '../../domain/standards/registry.ts';
import type { AreaType } from '../../domain/standards/types.ts';
import { RegistryError } from './errors.ts';
import { checkDate } from './member-rules.ts';
import { areaOfCommune } from './review-context.ts';
import { todayInVietnam } from './text.ts';

export interface PreviewInput {
  standardId?: string;
  /** Policy year → the national standard of that year (when no standardId). */
  year?: number;
  area?: AreaType;
  /** Commune whose area type applies (when no area). */
  communeCode?: string;
  /** Default today. */
  referenceDate?: string;
  /** Household input model (members, facts, scoreA or income), without area. */
  household: unknown;
}

export interface PreviewResult extends HouseholdClassification {
  standardName: string;
  area: AreaType;
  referenceDate: string;
}

export async function previewClassification(db: Kysely<DB>, input: PreviewInput): Promise<PreviewResult> {
  const referenceDate = input.referenceDate ? checkDate(input.referenceDate, 'referenceDate') : todayInVietnam();
  let standard;
  if (input.standardId) {
    if (!defaultStandardRegistry.has(input.standardId)) throw new RegistryError('standard_unknown', { id: input.standardId });
    standard = defaultStandardRegistry.get(input.standardId);
  } else if (input.year !== undefined) {
    standard = defaultStandardRegistry.nationalForYear(input.year);
    if (!standard) throw new RegistryError('standard_unknown', { id: String(input.year) });
  } else {
    throw new RegistryError('field_required', { field: 'standardId' });
  }
  let area = input.area;
  if (!area) {
    if (!input.communeCode) throw new RegistryError('field_required', { field: 'area' });
    area = await areaOfCommune(db, input.communeCode, referenceDate);
  }
  try {
    const parsed = parseClassificationInput(input.household);
    if (parsed.kind !== 'household') throw new ClassificationInputError('Thiếu danh sách thành viên (members)');
    const h: HouseholdInput = { ...parsed.household, area };
    const r = classifyHousehold(h, standard, { referenceDate });
    return { ...r, standardName: standard.name, area, referenceDate: h.referenceDate ?? referenceDate };
  } catch (e) {
    if (e instanceof ClassificationInputError) throw new RegistryError('classification_input', { message: e.message });
    throw e;
  }
}
