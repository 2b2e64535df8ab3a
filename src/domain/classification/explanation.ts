/**
 * Vietnamese explanations of a classification, e.g.
 * "Thu nhập 1.400.000 đ ≤ chuẩn 1.500.000 đ (nông thôn); thiếu hụt 3 chỉ số: BHYT, nhà tiêu hợp vệ sinh,
 * nguồn nước → hộ nghèo". Threshold texts are prepared once per standard.
 */
import { negatedOperatorSymbol, operatorSymbol } from '../standards/operators.ts';
import type { PovertyStandard } from '../standards/poverty-standard.ts';
import type { AreaThresholds, AreaType, Threshold } from '../standards/types.ts';
import { CLASS_CODE } from './class-codes.ts';
import type { CompiledRules } from './compiled-rules.ts';
import { BoundedCache } from './bounded-cache.ts';
import type { DeprivationSet } from './deprivation-sets.ts';
import { formatNumberVi, formatVnd } from './format-vi.ts';
import { HOUSEHOLD_CLASS_LABELS, POOR_SUBTYPE_LABELS } from './result.ts';

/** A line printed in an explanation: value text plus the symbols for "satisfied" and "not satisfied". */
interface LineText {
  readonly text: string;
  readonly yes: string;
  readonly no: string;
}

interface AreaTexts {
  readonly area: string;
  /** Poverty line (two-line rule) or the single line. */
  readonly line: LineText;
  readonly nearPoor: LineText | null;
  readonly averageUpper: LineText | null;
  readonly scoreLine: LineText | null;
  readonly scoreNearPoor: LineText | null;
}

function lineText(t: Threshold, money: boolean): LineText {
  return { text: money ? formatVnd(t.value) : formatNumberVi(t.value), yes: operatorSymbol(t.operator), no: negatedOperatorSymbol(t.operator) };
}

function pick(lines: AreaThresholds | null, area: AreaType, money: boolean): LineText | null {
  return lines === null ? null : lineText(lines[area], money);
}

export class ExplanationBuilder {
  readonly #areas: readonly AreaTexts[];
  readonly #twoLines: boolean;
  readonly #minDep: number;
  readonly #scoreB: LineText;
  readonly #pointsPerIndicator: number;
  readonly #scoreBValue: number;
  readonly #scoreBSatisfiedFrom: number;
  readonly #noneLabel: string;
  readonly #hasAverage: boolean;
  /** Highest income line (near-poverty line under QĐ 59) as inclusive bounds per area code. */
  readonly #incomeLine: Float64Array;
  readonly #tails = new BoundedCache<string>();

  constructor(standard: PovertyStandard, rules: CompiledRules) {
    const p = standard.parameters;
    this.#twoLines = standard.rule === 'two_lines_or_deprivations';
    this.#areas = (['rural', 'urban'] as const).map((area) => ({
      area: standard.areaLabels[area],
      line: lineText(p.incomeLine[area], true),
      nearPoor: pick(p.nearPoorIncomeLine, area, true),
      averageUpper: pick(p.averageLivingStandardUpper, area, true),
      scoreLine: pick(p.scoreALine, area, false),
      scoreNearPoor: pick(p.scoreANearPoorLine, area, false),
    }));
    this.#minDep = rules.minDeprivations;
    this.#scoreB = lineText(p.scoreBThreshold, false);
    this.#pointsPerIndicator = p.scoreBPointsPerIndicator;
    this.#scoreBValue = p.scoreBThreshold.value;
    this.#scoreBSatisfiedFrom = rules.minDeprivationsByScoreB;
    this.#hasAverage = p.averageLivingStandardUpper !== null;
    this.#incomeLine = rules.incomeLine;
    this.#noneLabel = this.#hasAverage ? HOUSEHOLD_CLASS_LABELS.none : 'không thuộc hộ nghèo, hộ cận nghèo';
  }

  #verdict(code: number): string {
    switch (code) {
      case CLASS_CODE.POOR:
        return ' → hộ nghèo';
      case CLASS_CODE.POOR_INCOME:
        return ` → hộ nghèo (${POOR_SUBTYPE_LABELS.income})`;
      case CLASS_CODE.POOR_MULTIDIMENSIONAL:
        return ` → hộ nghèo (${POOR_SUBTYPE_LABELS.multidimensional})`;
      case CLASS_CODE.NEAR_POOR:
        return ' → hộ cận nghèo';
      case CLASS_CODE.AVERAGE:
        return ' → hộ có mức sống trung bình';
      default:
        return ` → ${this.#noneLabel}`;
    }
  }

  #deprivationClause(deprived: boolean, count: number, labels: string): string {
    if (count === 0) return 'không thiếu hụt chỉ số nào';
    return deprived ? `thiếu hụt ${count} chỉ số: ${labels}` : `thiếu hụt ${count} chỉ số (dưới ${this.#minDep}): ${labels}`;
  }

  #scoreBClause(count: number, labels: string): string {
    const b = count * this.#pointsPerIndicator;
    const sym = count >= this.#scoreBSatisfiedFrom ? this.#scoreB.yes : this.#scoreB.no;
    const detail = count === 0 ? 'không thiếu hụt chỉ số nào' : `thiếu hụt ${count} chỉ số: ${labels}`;
    return `điểm B ${formatNumberVi(b)} ${sym} ${formatNumberVi(this.#scoreBValue)} (${detail})`;
  }

  /** The part of an income explanation after "Thu nhập X đ". */
  incomeTail(area: number, code: number, count: number, labels: string): string {
    const t = this.#areas[area];
    const top = t.nearPoor ?? t.line;
    const topName = this.#twoLines ? 'chuẩn cận nghèo' : 'chuẩn';
    switch (code) {
      case CLASS_CODE.POOR_INCOME:
        return ` ${t.line.yes} chuẩn nghèo ${t.line.text} (${t.area})${this.#verdict(code)}`;
      case CLASS_CODE.POOR:
      case CLASS_CODE.POOR_MULTIDIMENSIONAL:
      case CLASS_CODE.NEAR_POOR: {
        const where = this.#twoLines
          ? ` ${t.line.no} chuẩn nghèo ${t.line.text} và ${top.yes} chuẩn cận nghèo ${top.text} (${t.area})`
          : ` ${t.line.yes} chuẩn ${t.line.text} (${t.area})`;
        return `${where}; ${this.#deprivationClause(code !== CLASS_CODE.NEAR_POOR, count, labels)}${this.#verdict(code)}`;
      }
      case CLASS_CODE.AVERAGE: {
        const u = t.averageUpper!;
        return ` ${top.no} ${topName} ${top.text} và ${u.yes} ${u.text} (${t.area})${this.#verdict(code)}`;
      }
      default: {
        const u = t.averageUpper;
        if (u !== null) return ` ${u.no} ${u.text}, mức trên của hộ có mức sống trung bình (${t.area})${this.#verdict(code)}`;
        return ` ${top.no} ${topName} ${top.text} (${t.area})${this.#verdict(code)}`;
      }
    }
  }

  /** Explanation of a classification by measured income. `area` is the area code (0 rural, 1 urban). */
  byIncome(area: number, income: number, code: number, count: number, labels: string): string {
    return `Thu nhập ${formatVnd(income)}${this.incomeTail(area, code, count, labels)}`;
  }

  /**
   * Same as byIncome for a deprivation set in standard order, with the income already formatted; the
   * text after the income is cached per (area, class, set).
   */
  byIncomeForSet(area: number, incomeText: string, code: number, set: DeprivationSet): string {
    const usesSet = code === CLASS_CODE.POOR || code === CLASS_CODE.POOR_MULTIDIMENSIONAL || code === CLASS_CODE.NEAR_POOR;
    const key = ((usesSet ? set.mask : 0) * 8 + code) * 2 + area;
    let tail = this.#tails.get(key);
    if (tail === undefined) {
      tail = this.incomeTail(area, code, set.count, set.labels);
      this.#tails.set(key, tail);
    }
    return `Thu nhập ${incomeText}${tail}`;
  }

  /** Explanation of a classification by score A; `income` is NaN when no measured income is known. */
  byScore(area: number, score: number, code: number, count: number, labels: string, income: number): string {
    const t = this.#areas[area];
    const s = `Điểm A ${formatNumberVi(score)}`;
    const poorLine = this.#twoLines ? t.scoreLine! : null;
    const line = this.#twoLines ? t.scoreNearPoor! : t.scoreLine!;
    switch (code) {
      case CLASS_CODE.POOR_INCOME:
        return `${s} ${poorLine!.yes} ${poorLine!.text} (${t.area}, tương ứng chuẩn nghèo)${this.#verdict(code)}`;
      case CLASS_CODE.POOR:
      case CLASS_CODE.POOR_MULTIDIMENSIONAL:
      case CLASS_CODE.NEAR_POOR: {
        const where = poorLine !== null
          ? `${s} ${poorLine.no} ${poorLine.text} và ${line.yes} ${line.text} (${t.area})`
          : `${s} ${line.yes} ${line.text} (${t.area}, tương ứng chuẩn ${t.line.text})`;
        return `${where}; ${this.#scoreBClause(count, labels)}${this.#verdict(code)}`;
      }
      default: {
        const head = `${s} ${line.no} ${line.text} (${t.area})`;
        if (Number.isNaN(income)) {
          return this.#hasAverage
            ? `${head} → không thuộc hộ nghèo, hộ cận nghèo (cần thu nhập thực tế để xét hộ có mức sống trung bình)`
            : `${head} → không thuộc hộ nghèo, hộ cận nghèo`;
        }
        const top = t.nearPoor ?? t.line;
        const topName = this.#twoLines ? 'chuẩn cận nghèo' : 'chuẩn';
        const x = `thu nhập ${formatVnd(income)}`;
        const u = t.averageUpper;
        if (code === CLASS_CODE.AVERAGE) return `${head}; ${x} ${top.no} ${topName} ${top.text} và ${u!.yes} ${u!.text}${this.#verdict(code)}`;
        if (u === null) return `${head}${this.#verdict(code)}`;
        const incomeBelowLine = code === CLASS_CODE.NONE && !(income > this.#incomeLine[area]);
        if (incomeBelowLine) return `${head}; ${x} ${top.yes} ${topName} ${top.text} nhưng điểm A vượt ngưỡng nên không xét hộ có mức sống trung bình${this.#verdict(code)}`;
        return `${head}; ${x} ${u.no} ${u.text}${this.#verdict(code)}`;
      }
    }
  }

}
