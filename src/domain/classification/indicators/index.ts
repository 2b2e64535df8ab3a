/** Indicator id → evaluator compiler. */
import type { IndicatorId } from '../../standards/types.ts';
import { compileAdultEducation } from './adult-education.ts';
import { compileChildSchooling } from './child-schooling.ts';
import { compileDependents } from './dependents.ts';
import { compileEmployment } from './employment.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { compileHealthAccess } from './health-access.ts';
import { compileHealthInsurance } from './health-insurance.ts';
import { compileHousingArea } from './housing-area.ts';
import { compileHousingQuality } from './housing-quality.ts';
import { compileInformationAssets } from './information-assets.ts';
import { compileLatrine } from './latrine.ts';
import { compileNutrition } from './nutrition.ts';
import { compileTelecom } from './telecom.ts';
import { compileWasteTreatment } from './waste-treatment.ts';
import { compileWaterSource } from './water-source.ts';

export type { IndicatorCompiler, IndicatorEvaluator } from './evaluator.ts';

export const INDICATOR_COMPILERS: Readonly<Record<IndicatorId, IndicatorCompiler>> = {
  health_access: compileHealthAccess,
  health_insurance: compileHealthInsurance,
  adult_education: compileAdultEducation,
  child_schooling: compileChildSchooling,
  housing_quality: compileHousingQuality,
  housing_area: compileHousingArea,
  water_source: compileWaterSource,
  latrine: compileLatrine,
  telecom: compileTelecom,
  information_assets: compileInformationAssets,
  employment: compileEmployment,
  dependents: compileDependents,
  nutrition: compileNutrition,
  waste_treatment: compileWasteTreatment,
};
