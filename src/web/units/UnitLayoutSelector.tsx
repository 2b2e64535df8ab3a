/** Choice of administrative layout: three tiers before 01/07/2025, two tiers from then on. */
import { Radio } from 'antd';
import type { Layout } from '../api/types.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { LAYOUTS } from './unitDisplay.ts';

export function UnitLayoutSelector({ value, onChange }: { value: Layout; onChange: (layout: Layout) => void }) {
  const { t } = useI18n();
  return (
    <Radio.Group
      data-testid="unit-layout"
      aria-label={t('units.layout')}
      optionType="button"
      buttonStyle="solid"
      value={value}
      onChange={(e) => onChange(e.target.value as Layout)}
      options={LAYOUTS.map((l) => ({ value: l, label: t(`units.layout.${l}`) }))}
    />
  );
}
