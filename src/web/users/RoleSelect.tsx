/** Select of roles with their Vietnamese (or English) labels. */
import { Select } from 'antd';
import type { Role } from '../api/types.ts';
import { useI18n } from '../i18n/useI18n.ts';

export interface RoleSelectProps {
  roles: readonly Role[];
  value?: Role | null;
  onChange?: (role: Role | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

export function RoleSelect({ roles, value, onChange, id, placeholder, allowClear, style, ...rest }: RoleSelectProps) {
  const { t } = useI18n();
  return (
    <Select<Role>
      id={id}
      data-testid={rest['data-testid']}
      style={style}
      value={value ?? undefined}
      placeholder={placeholder}
      allowClear={allowClear}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
    />
  );
}
