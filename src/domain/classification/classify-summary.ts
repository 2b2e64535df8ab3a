/**
 * Classification of summary records (area + income | score A + deprived indicator ids).
 */
import type { PovertyStandard } from '../standards/poverty-standard.ts';
import type { IndicatorId } from '../standards/types.ts';
import { classOfCode, subtypeOfCode, type ClassCode } from './class-codes.ts';
import { decideByIncome, decideByScore } from './compiled-rules.ts';
import { compileStandard, type CompiledStandard } from './compiled-standard.ts';
import { ClassificationInputError } from './input-error.ts';
import { areaCodeOf, readMeasures, type Measures } from './measures.ts';
import type { HouseholdClassification } from './result.ts';
import type { SummaryRecord } from './summary-record.ts';

const measures: Measures = { income: NaN, scoreA: NaN };

/** Deprivation mask (bit i = indicator i of the standard); throws on unknown or repeated ids. */
export function deprivationMaskOf(c: CompiledStandard, ids: readonly unknown[]): number {
  let mask = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const bit = typeof id === 'string' ? c.indexOf.get(id) : undefined;
    if (bit === undefined) {
      throw new ClassificationInputError(
        `Chỉ số ${JSON.stringify(id)} không thuộc chuẩn ${c.standard.id}; các chỉ số của chuẩn: ${c.indicatorIds.join(', ')}`,
      );
    }
    const flag = 1 << bit;
    if ((mask & flag) !== 0) throw new ClassificationInputError(`Chỉ số "${id as string}" bị lặp trong danh sách thiếu hụt`);
    mask |= flag;
  }
  return mask;
}

function requireDeprivationList(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined) throw new ClassificationInputError('Thiếu danh sách chỉ số thiếu hụt (deprivations); dùng [] nếu hộ không thiếu hụt chỉ số nào');
  throw new ClassificationInputError('Danh sách chỉ số thiếu hụt (deprivations) phải là một mảng mã chỉ số');
}

/** Class code of a summary record without building the explanation (validates like classifySummaryRecord). */
export function summaryClassCode(c: CompiledStandard, record: SummaryRecord): ClassCode {
  const area = areaCodeOf(record.area);
  const m = readMeasures(c, record.income, record.scoreA, measures);
  const ids = requireDeprivationList(record.deprivations);
  deprivationMaskOf(c, ids);
  const d = ids.length;
  return Number.isNaN(m.scoreA) ? decideByIncome(c.rules, area, m.income, d) : decideByScore(c.rules, area, m.scoreA, d, m.income);
}

/** Classifies a summary record with an already compiled standard. */
export function classifySummaryRecordCompiled(c: CompiledStandard, record: SummaryRecord): HouseholdClassification {
  const area = areaCodeOf(record.area);
  const m = readMeasures(c, record.income, record.scoreA, measures);
  const income = m.income;
  const scoreA = m.scoreA;
  const ids = requireDeprivationList(record.deprivations);
  deprivationMaskOf(c, ids);
  const d = ids.length;
  let labels = '';
  for (let i = 0; i < d; i++) labels += (i === 0 ? '' : ', ') + c.shortLabels[c.indexOf.get(ids[i] as string)!];
  const byScore = !Number.isNaN(scoreA);
  const code = byScore ? decideByScore(c.rules, area, scoreA, d, income) : decideByIncome(c.rules, area, income, d);
  return {
    id: record.id ?? null,
    standard: c.standard.id,
    class: classOfCode(code),
    subtype: subtypeOfCode(code),
    deprivationCount: d,
    deprivations: ids.slice() as IndicatorId[],
    explanation: byScore ? c.explain.byScore(area, scoreA, code, d, labels, income) : c.explain.byIncome(area, income, code, d, labels),
  };
}

/** Classifies a summary record under `standard`. Throws ClassificationInputError (Vietnamese message) on bad input. */
export function classifySummaryRecord(record: SummaryRecord, standard: PovertyStandard): HouseholdClassification {
  return classifySummaryRecordCompiled(compileStandard(standard), record);
}
