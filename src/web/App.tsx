/** Providers around the shell: language, Ant Design locale and theme, session. */
import { App as AntApp, ConfigProvider } from 'antd';
import { ANTD_LOCALES } from './i18n/antdLocales.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { useI18n } from './i18n/useI18n.ts';
import { SessionProvider } from './auth/SessionProvider.tsx';
import { Shell } from './layout/Shell.tsx';
import { theme } from './layout/theme.ts';

function LocalizedApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
      <AntApp component={false}>
        <SessionProvider>
          <Shell />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}
