/**
 * Validation of the area and the income / score A measures shared by raw households and summary records.
 */
import { AREA_CODE } from './class-codes.ts';
import type { CompiledStandard } from './compiled-standard.ts';
import { ClassificationInputError } from './input-error.ts';

/** Area code of an area value, or throws a Vietnamese error. */
export function areaCodeOf(area: unknown): number {
  if (area === 'rural') return AREA_CODE.rural;
  if (area === 'urban') return AREA_CODE.urban;
  if (area === undefined) throw new ClassificationInputError('Thiếu khu vực (area): "rural" (nông thôn) hoặc "urban" (thành thị)');
  throw new ClassificationInputError(
    `Khu vực ${JSON.stringify(area)} không hợp lệ; chỉ nhận "rural" (nông thôn) hoặc "urban" (thành thị)`,
  );
}

/** Validated measures: NaN marks an absent value. */
export interface Measures {
  income: number;
  scoreA: number;
}

function checkAmount(value: unknown, name: string, unit: string): number {
  if (value === undefined || value === null) return NaN;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ClassificationInputError(`${name} phải là một số (${unit}); nhận được ${JSON.stringify(value)}`);
  }
  if (value < 0) throw new ClassificationInputError(`${name} không được âm (nhận được ${value})`);
  return value;
}

/** Validates income and score A whatever the standard (at least one required). */
export function readAmounts(income: unknown, scoreA: unknown, out: Measures): Measures {
  out.income = checkAmount(income, 'Thu nhập (income)', 'đồng/người/tháng');
  out.scoreA = checkAmount(scoreA, 'Điểm A (scoreA)', 'điểm');
  if (Number.isNaN(out.income) && Number.isNaN(out.scoreA)) {
    throw new ClassificationInputError('Thiếu thu nhập bình quân (income) hoặc điểm A (scoreA); cần ít nhất một trong hai');
  }
  return out;
}

/** Validates income and score A (at least one required; score A needs a calibration in the standard). */
export function readMeasures(c: CompiledStandard, income: unknown, scoreA: unknown, out: Measures): Measures {
  readAmounts(income, scoreA, out);
  if (!Number.isNaN(out.scoreA) && !c.rules.hasScoreCalibration) {
    throw new ClassificationInputError(
      `Chuẩn ${c.standard.id} chưa có thang điểm A (tham số scoreALine chưa được xác định); hãy dùng thu nhập (income) hoặc cấu hình tham số`,
    );
  }
  return out;
}
