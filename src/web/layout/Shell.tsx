/** Chooses between the start-up spinner, the login page and the signed-in layout. */
import { Spin } from 'antd';
import { useSession } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { LoginPage } from '../pages/LoginPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { RoutedPage } from './RoutedPage.tsx';

export function Shell() {
  const { state } = useSession();
  const { t } = useI18n();
  if (state.status === 'loading') {
    return (
      <div style={{ display: 'flex', height: '100%', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  if (state.status === 'anonymous') return <LoginPage expired={state.expired} startupError={state.error} />;
  return (
    <AppLayout>
      <RoutedPage />
    </AppLayout>
  );
}
