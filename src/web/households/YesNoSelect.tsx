/** Có / Không for a fact that must be answered (unanswered stays empty, never silently "no"). */
import { Select } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';

export function YesNoSelect({
  value,
  onChange,
  style,
  disabled,
  status,
  ...rest
}: {
  value: unknown;
  onChange: (v: boolean | undefined) => void;
  style?: React.CSSProperties;
  disabled?: boolean;
  status?: 'error';
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  return (
    <Select<'yes' | 'no'>
      data-testid={rest['data-testid']}
      size="small"
      allowClear
      disabled={disabled}
      status={status}
      style={{ width: '100%', ...style }}
      placeholder="—"
      value={value === true ? 'yes' : value === false ? 'no' : undefined}
      onChange={(v) => onChange(v === 'yes' ? true : v === 'no' ? false : undefined)}
      options={[
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
      ]}
    />
  );
}
