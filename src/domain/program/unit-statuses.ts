/**
 * Statuses a unit holds for the program during a validity window (effective-dated like the units
 * themselves): poor district (huyện nghèo, Decision 353/QĐ-TTg for 2021–2025), extremely difficult
 * commune (xã đặc biệt khó khăn), and commune whose poverty rate reaches a threshold. The threshold is a
 * setting (40 % by default, not confirmed in the legal notes); the last status is derived from the
 * registry, the first two are recorded from decisions.
 */
export const UNIT_STATUS_KINDS = ['poor_district', 'extremely_difficult_commune', 'high_poverty_commune'] as const;
export type UnitStatusKind = (typeof UNIT_STATUS_KINDS)[number];

export const UNIT_STATUS_LABELS_VI: Readonly<Record<UnitStatusKind, string>> = Object.freeze({
  poor_district: 'Huyện nghèo',
  extremely_difficult_commune: 'Xã đặc biệt khó khăn',
  high_poverty_commune: 'Xã có tỷ lệ hộ nghèo cao',
});

export interface UnitStatusPeriod {
  kind: UnitStatusKind;
  validFrom: string;
  validTo: string | null;
}

/** Whether the status holds on the date (validity is [validFrom, validTo)). */
export function statusHoldsOn(s: Pick<UnitStatusPeriod, 'validFrom' | 'validTo'>, date: string): boolean {
  return s.validFrom <= date && (s.validTo === null || date < s.validTo);
}

/** Whether the poverty rate (percent) puts a commune among the high-poverty communes. */
export function isHighPovertyRate(ratePercent: number | null, thresholdPercent: number): boolean {
  return ratePercent !== null && ratePercent >= thresholdPercent;
}
