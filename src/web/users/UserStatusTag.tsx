import { Tag } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';

export function UserStatusTag({ active }: { active: boolean }) {
  const { t } = useI18n();
  return active ? <Tag color="green">{t('users.status.active')}</Tag> : <Tag color="red">{t('users.status.inactive')}</Tag>;
}
