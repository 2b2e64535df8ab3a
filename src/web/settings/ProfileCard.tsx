/** The signed-in account, read-only. */
import { Card, Descriptions } from 'antd';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useUnitName } from '../units/useUnitName.ts';

export function ProfileCard() {
  const { user } = useSignedIn();
  const { t } = useI18n();
  const unitName = useUnitName(user.unitCode, user.unitName);
  return (
    <Card size="small" title={t('settings.profile')}>
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 160 } }}
        items={[
          { key: 'username', label: t('users.field.username'), children: user.username },
          { key: 'fullName', label: t('users.field.fullName'), children: user.fullName },
          { key: 'role', label: t('users.field.role'), children: t(`role.${user.role}`) },
          {
            key: 'unit',
            label: t('users.field.unit'),
            children: user.unitCode ? `${unitName ?? ''} (${user.unitCode})` : t('common.nationwide'),
          },
        ]}
      />
    </Card>
  );
}
