/** Housing quality: at least `housingQualityMinNonDurableParts` of the 3 main parts are non-durable. */
import { STRUCTURAL_MATERIAL_LABELS, STRUCTURAL_PARTS, STRUCTURAL_PART_LABELS, type StructuralMaterial } from '../../standards/fact-codes.ts';
import { missingHouseholdFact } from '../evaluation-context.ts';
import { ClassificationInputError } from '../input-error.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

export const compileHousingQuality: IndicatorCompiler = (standard, def) => {
  const p = standard.parameters;
  const durable = new Set<StructuralMaterial>(p.durableMaterials);
  const min = p.housingQualityMinNonDurableParts;
  const total = STRUCTURAL_PARTS.length;
  const allDurable = fixedOutcome(def, false, `Cả ${total} kết cấu chính (cột, tường, mái) đều bằng vật liệu bền chắc`);
  return (h) => {
    const housing = h.housing;
    if (housing === undefined) throw missingHouseholdFact('housing', 'thông tin nhà ở', def.label);
    let count = 0;
    let list = '';
    for (const part of STRUCTURAL_PARTS) {
      const material = housing[part];
      if (material === undefined) throw missingHouseholdFact(`housing.${part}`, `vật liệu ${STRUCTURAL_PART_LABELS[part]}`, def.label);
      const label = STRUCTURAL_MATERIAL_LABELS[material];
      if (label === undefined) throw new ClassificationInputError(`Vật liệu "${material}" của ${STRUCTURAL_PART_LABELS[part]} không hợp lệ`);
      if (!durable.has(material)) {
        count++;
        list += `${list === '' ? '' : ', '}${STRUCTURAL_PART_LABELS[part]} (${label})`;
      }
    }
    if (count === 0) return allDurable;
    const deprived = count >= min;
    const verdict = deprived ? `từ ${min} kết cấu trở lên → nhà ở không bền chắc` : `dưới ${min} kết cấu → không thiếu hụt`;
    return { id: def.id, deprived, reason: `Nhà ở có ${count}/${total} kết cấu chính bằng vật liệu không bền chắc: ${list} (${verdict})` };
  };
};
