/**
 * Local (provincial) standards: a province may adopt income lines higher than the national ones for
 * its own policies, classified and stored beside the national classification (poverty-standards.md §3.7).
 * A local standard reuses the indicators and deprivation rules of a national base standard.
 */
import type { ParameterInfoTable } from './parameters.ts';
import { defineStandard, type PovertyStandard } from './poverty-standard.ts';
import type { AreaThresholds, LegalBasis, StandardId, YearRange } from './types.ts';
import { ND07_2021 } from './nd07-2021.ts';
import { lines } from './common-defaults.ts';
import { param } from './parameters.ts';

export interface LocalStandardDefinition {
  /** Upper-case id, e.g. "BAC_NINH_2022_2025". */
  readonly id: StandardId;
  readonly provinceName: string;
  readonly provinceCode?: string;
  readonly base: PovertyStandard;
  readonly years: YearRange;
  /** Local income line per area (replaces the base line). */
  readonly incomeLine: AreaThresholds;
  /** Required when the base uses two income lines (QĐ 59). */
  readonly nearPoorIncomeLine?: AreaThresholds;
  /** Average-living-standard band upper bound, if the province defines one (default: none). */
  readonly averageLivingStandardUpper?: AreaThresholds;
  /** Score A calibration of the local line, if the province defines one (default: none). */
  readonly scoreALine?: AreaThresholds;
  readonly legalBasis: readonly LegalBasis[];
  readonly name?: string;
}

/** Defines a local standard on top of a national one. */
export function defineLocalStandard(def: LocalStandardDefinition): PovertyStandard {
  const base = def.base;
  const local = 'Quy định của địa phương';
  const info: ParameterInfoTable = {
    ...base.parameterInfo,
    incomeLine: param('C', `${local}: chuẩn nghèo ${def.provinceName}`),
    nearPoorIncomeLine: param('C', `${local}: chuẩn cận nghèo ${def.provinceName}`),
    averageLivingStandardUpper: param('UNCONFIRMED', `${local}: hộ có mức sống trung bình (mặc định không xác định)`),
    scoreALine: param('UNCONFIRMED', `${local}: thang điểm A (mặc định chưa có)`),
    scoreANearPoorLine: param('UNCONFIRMED', `${local}: thang điểm A cận nghèo (mặc định chưa có)`),
    lowIncomeWorkerIncomeLine: param('C', 'Người lao động có thu nhập thấp là chính sách quốc gia, không xác định theo chuẩn địa phương'),
  };
  return defineStandard({
    id: def.id,
    name: def.name ?? `Chuẩn nghèo địa phương ${def.provinceName} ${def.years.from}–${def.years.to} (trên cơ sở chuẩn ${base.id})`,
    scope: { kind: 'local', provinceName: def.provinceName, provinceCode: def.provinceCode, baseStandard: base.id },
    legalBasis: def.legalBasis,
    years: def.years,
    areaLabels: base.areaLabels,
    rule: base.rule,
    dimensions: base.dimensions,
    indicators: base.indicators,
    parameters: {
      ...base.parameters,
      incomeLine: def.incomeLine,
      nearPoorIncomeLine: def.nearPoorIncomeLine ?? null,
      averageLivingStandardUpper: def.averageLivingStandardUpper ?? null,
      scoreALine: def.scoreALine ?? null,
      scoreANearPoorLine: null,
      lowIncomeWorkerIncomeLine: null,
      lowIncomeWorkerEffectiveFrom: null,
      lowIncomeWorkerEffectiveUntil: null,
    },
    parameterInfo: info,
    overriddenParameters: [],
  });
}

/** Bắc Ninh 2022–2025: 1.750.000 đ rural / 2.250.000 đ urban with the national ≥ 3 deprivation rule [C]. */
export const BAC_NINH_2022_2025 = defineLocalStandard({
  id: 'BAC_NINH_2022_2025',
  provinceName: 'Bắc Ninh',
  base: ND07_2021,
  years: { from: 2022, to: 2025 },
  incomeLine: lines(1_750_000, 2_250_000),
  legalBasis: [{ document: 'Nghị quyết HĐND tỉnh Bắc Ninh', title: 'Chuẩn nghèo đa chiều tỉnh Bắc Ninh giai đoạn 2022–2025' }],
});
