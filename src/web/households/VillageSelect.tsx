/** Chooses a village of the commune. */
import { Select } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import type { Village } from './api.ts';

export interface VillageSelectProps {
  villages: readonly Village[];
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  status?: 'error';
  style?: React.CSSProperties;
  loading?: boolean;
  'data-testid'?: string;
}

export function VillageSelect({ villages, value, onChange, allowClear, placeholder, status, style, loading, ...rest }: VillageSelectProps) {
  const { t } = useI18n();
  return (
    <Select<string>
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      allowClear={allowClear}
      loading={loading}
      status={status}
      style={style}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? t('hh.villagePlaceholder')}
      options={villages.map((v) => ({ value: v.code, label: v.name }))}
      notFoundContent={t('hh.noVillages')}
    />
  );
}
