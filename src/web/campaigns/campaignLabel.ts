/** A short name of a campaign in the interface language ("Rà soát định kỳ năm 2026", "Rà soát thường xuyên tháng 3/2026"). */
import type { I18n } from '../i18n/I18nContext.ts';

export function campaignLabel(c: { kind: string; year: number; month?: number | null }, t: I18n['t']): string {
  return c.kind === 'monthly' ? t('campaign.label.monthly', { month: c.month ?? '', year: c.year }) : t('campaign.label.periodic', { year: c.year });
}
