/** System name on the left; language switch, the signed-in user (name, role, unit) and logout on the right. */
import { Button, Layout, Space, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { navigate } from '../router/useHashRoute.ts';
import { useUnitName } from '../units/useUnitName.ts';

export function AppHeader() {
  const { user, logout } = useSignedIn();
  const { t } = useI18n();
  const unitName = useUnitName(user.unitCode, user.unitName);
  const unit = user.unitCode ? (unitName ?? user.unitCode) : t('common.nationwide');
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
      <div style={{ flex: 1, minWidth: 0, lineHeight: 1.25 }}>
        <a href="#/" style={{ color: '#fff', fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }} data-testid="app-name">
          {t('app.name')}
        </a>
        <div style={{ color: 'rgba(255,255,255,0.7)', fontSize: 12, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {t('app.program')}
        </div>
      </div>
      <LanguageSwitch />
      <button
        type="button"
        onClick={() => navigate('/settings')}
        title={t('menu.settings')}
        data-testid="current-user"
        style={{ background: 'none', border: 0, cursor: 'pointer', textAlign: 'right', lineHeight: 1.25, padding: 0 }}
      >
        <Space size={8} align="center">
          <div>
            <Typography.Text style={{ color: '#fff', fontWeight: 500 }}>{user.fullName}</Typography.Text>
            <div style={{ color: 'rgba(255,255,255,0.75)', fontSize: 12 }}>
              {t(`role.${user.role}`)} · {unit}
            </div>
          </div>
          <UserOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Space>
      </button>
      <Button ghost size="small" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
        {t('header.logout')}
      </Button>
    </Layout.Header>
  );
}
