/**
 * Pure: one current survey → its classification rows (the campaign's national standard, and the local
 * standard when the campaign has one). The area and reference date come from the review, never from
 * the stored snapshot. A household excluded by form A is "none" without scoring. A local standard
 * without a score-A calibration uses the measured income when the survey has one, else is skipped.
 */
import { classifyHouseholdCompiled } from '../../domain/classification/classify-household.ts';
import type { CompiledStandard } from '../../domain/classification/compiled-standard.ts';
import type { HouseholdInput } from '../../domain/classification/household-input.ts';
import { ClassificationInputError } from '../../domain/classification/input-error.ts';
import type { HouseholdClass } from '../../domain/classification/result.ts';
import type { AreaType } from '../../domain/standards/types.ts';
import { formAExplanation, formAYesItems, type FormA } from './survey-codes.ts';

export interface ClassificationRecord {
  province_code: string;
  review_id: number;
  household_id: number;
  standard_id: string;
  survey_id: number;
  area_type: AreaType;
  class: HouseholdClass;
  subtype: string | null;
  deprivation_count: number;
  deprivations: string[];
  explanation: string;
}

export interface SurveyForClassification {
  id: number;
  province_code: string;
  review_id: number;
  household_id: number;
  excluded_by_form_a: boolean;
  form_a: unknown;
  facts: Record<string, unknown>;
}

export interface ClassifyTarget {
  area: AreaType;
  referenceDate: string;
  /** National standard first, then the local one if any. */
  standards: readonly CompiledStandard[];
}

export interface SurveyOutcome {
  rows: ClassificationRecord[];
  /** The national standard could not classify the input (message in Vietnamese); no rows then. */
  error?: string;
  /** Local standards that could not classify it (e.g. no score-A calibration), with the reason. */
  skipped?: Array<{ standardId: string; message: string }>;
}

export function classifySurvey(s: SurveyForClassification, t: ClassifyTarget): SurveyOutcome {
  const base = { province_code: s.province_code, review_id: s.review_id, household_id: s.household_id, survey_id: s.id, area_type: t.area };
  if (s.excluded_by_form_a) {
    const explanation = formAExplanation(formAYesItems(s.form_a as FormA | null));
    return { rows: t.standards.map((c) => ({ ...base, standard_id: c.standard.id, class: 'none', subtype: null, deprivation_count: 0, deprivations: [], explanation })) };
  }
  // The review's reference date applies (passed to the engine); a date stored in a snapshot must not win.
  let input = { ...s.facts, area: t.area } as HouseholdInput;
  if (input.referenceDate !== undefined) input = { ...input, referenceDate: t.referenceDate };
  const rows: ClassificationRecord[] = [];
  const skipped: Array<{ standardId: string; message: string }> = [];
  for (let i = 0; i < t.standards.length; i++) {
    const c = t.standards[i]!;
    // A local standard without a score-A calibration classifies by measured income, or not at all
    // (checked here rather than by catching the engine's error: exceptions are costly in a batch).
    let h = input;
    if (i > 0 && input.scoreA != null && !c.rules.hasScoreCalibration) {
      if (input.income == null) {
        skipped.push({ standardId: c.standard.id, message: `Chuẩn ${c.standard.id} chưa có thang điểm A và hộ chưa có thu nhập đo được` });
        continue;
      }
      const { scoreA: _scoreA, ...byIncome } = input;
      h = byIncome as HouseholdInput;
    }
    try {
      const r = classifyHouseholdCompiled(c, h, t.referenceDate);
      rows.push({
        ...base,
        standard_id: c.standard.id,
        class: r.class,
        subtype: r.subtype ?? null,
        deprivation_count: r.deprivationCount,
        deprivations: [...r.deprivations],
        explanation: r.explanation,
      });
    } catch (e) {
      if (!(e instanceof ClassificationInputError)) throw e;
      if (i === 0) return { rows: [], error: e.message };
      skipped.push({ standardId: c.standard.id, message: e.message });
    }
  }
  return skipped.length > 0 ? { rows, skipped } : { rows };
}
