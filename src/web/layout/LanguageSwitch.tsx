/**
 * VI / EN switch. Before login the choice lives in localStorage; once signed in it is also saved on the
 * user (PATCH /api/auth/me {locale}) so it follows them to another computer.
 */
import { App, Segmented } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import { useSession } from '../auth/useSession.ts';
import { authApi } from '../api/auth.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { LOCALES, isLocale, type Locale } from '../i18n/catalogs.ts';

export function LanguageSwitch({ onDark = true }: { onDark?: boolean }) {
  const i18n = useI18n();
  const { locale, setLocale, t } = i18n;
  const { state, updateUser } = useSession();
  const { message } = App.useApp();

  const change = async (next: Locale) => {
    setLocale(next);
    if (state.status !== 'authenticated') return;
    try {
      const { user } = await authApi.updateMe({ locale: next });
      updateUser(user);
    } catch (err) {
      message.error(errorMessage(err, i18n));
    }
  };

  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={locale}
      onChange={(v) => {
        if (isLocale(v)) void change(v);
      }}
      options={LOCALES.map((l) => ({ value: l, label: <span title={t(`lang.${l}`)}>{t(`lang.short.${l}`)}</span> }))}
      style={onDark ? { background: 'rgba(255,255,255,0.15)' } : undefined}
    />
  );
}
