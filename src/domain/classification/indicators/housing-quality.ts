/**
 * Housing quality: at least `housingQualityMinNonDurableParts` of the 3 main parts are non-durable.
 * The outcome depends only on the three materials, so each combination's outcome is built once and shared.
 */
import { STRUCTURAL_MATERIAL_LABELS, STRUCTURAL_PARTS, STRUCTURAL_PART_LABELS, type StructuralMaterial } from '../../standards/fact-codes.ts';
import { missingHouseholdFact } from '../evaluation-context.ts';
import { ClassificationInputError } from '../input-error.ts';
import type { IndicatorEvaluation } from '../result.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

const MATERIALS = Object.keys(STRUCTURAL_MATERIAL_LABELS) as StructuralMaterial[];

/** Position of a material code in MATERIALS, −1 when unknown (a switch is cheaper than a map lookup here). */
function materialIndex(code: string): number {
  switch (code) {
    case 'reinforced_concrete':
      return 0;
    case 'brick_stone':
      return 1;
    case 'steel':
      return 2;
    case 'durable_wood':
      return 3;
    case 'tile':
      return 4;
    case 'fibre_cement':
      return 5;
    case 'metal_sheet':
      return 6;
    case 'bamboo':
      return 7;
    case 'non_durable_wood':
      return 8;
    case 'earth':
      return 9;
    case 'leaves_straw':
      return 10;
    case 'tarpaulin_plastic':
      return 11;
    case 'durable':
      return 12;
    case 'non_durable':
      return 13;
    case 'other':
      return 14;
    default:
      return -1;
  }
}

export const compileHousingQuality: IndicatorCompiler = (standard, def) => {
  const p = standard.parameters;
  const durable = new Set<StructuralMaterial>(p.durableMaterials);
  const min = p.housingQualityMinNonDurableParts;
  const total = STRUCTURAL_PARTS.length;
  const allDurable = fixedOutcome(def, false, `Cả ${total} kết cấu chính (cột, tường, mái) đều bằng vật liệu bền chắc`);
  const k = MATERIALS.length;
  const outcomes: (IndicatorEvaluation | undefined)[] = Array.from({ length: k * k * k });

  function build(materials: readonly StructuralMaterial[]): IndicatorEvaluation {
    let count = 0;
    let list = '';
    STRUCTURAL_PARTS.forEach((part, i) => {
      if (durable.has(materials[i])) return;
      count++;
      list += `${list === '' ? '' : ', '}${STRUCTURAL_PART_LABELS[part]} (${STRUCTURAL_MATERIAL_LABELS[materials[i]]})`;
    });
    if (count === 0) return allDurable;
    const deprived = count >= min;
    const verdict = deprived ? `từ ${min} kết cấu trở lên → nhà ở không bền chắc` : `dưới ${min} kết cấu → không thiếu hụt`;
    return fixedOutcome(def, deprived, `Nhà ở có ${count}/${total} kết cấu chính bằng vật liệu không bền chắc: ${list}; ${verdict}`);
  }

  function indexOf(material: StructuralMaterial | undefined, part: (typeof STRUCTURAL_PARTS)[number]): number {
    if (material === undefined) throw missingHouseholdFact(`housing.${part}`, `vật liệu ${STRUCTURAL_PART_LABELS[part]}`, def.label);
    const i = materialIndex(material);
    if (i < 0) throw new ClassificationInputError(`Vật liệu "${material}" của ${STRUCTURAL_PART_LABELS[part]} không hợp lệ`);
    return i;
  }

  return (h) => {
    const housing = h.housing;
    if (housing === undefined) throw missingHouseholdFact('housing', 'thông tin nhà ở', def.label);
    const key = (indexOf(housing.frame, 'frame') * k + indexOf(housing.walls, 'walls')) * k + indexOf(housing.roof, 'roof');
    let outcome = outcomes[key];
    if (outcome === undefined) {
      outcome = build([housing.frame, housing.walls, housing.roof]);
      outcomes[key] = outcome;
    }
    return outcome;
  };
};

/** The switch above must list the code list in order. */
MATERIALS.forEach((m, i) => {
  if (materialIndex(m) !== i) throw new Error(`materialIndex lệch với danh mục vật liệu tại ${m}`);
});
