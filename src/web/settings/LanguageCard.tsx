/** Interface language, saved on the user. */
import { App, Card, Radio } from 'antd';
import { authApi } from '../api/auth.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { LOCALES, translate, type Locale } from '../i18n/catalogs.ts';

export function LanguageCard() {
  const i18n = useI18n();
  const { t, locale, setLocale } = i18n;
  const { updateUser } = useSignedIn();
  const { message } = App.useApp();

  const change = async (next: Locale) => {
    setLocale(next);
    try {
      const { user } = await authApi.updateMe({ locale: next });
      updateUser(user);
      message.success(translate(next, 'settings.language.saved'));
    } catch (err) {
      message.error(errorMessage(err, i18n));
    }
  };

  return (
    <Card size="small" title={t('settings.language.title')}>
      <Radio.Group
        value={locale}
        onChange={(e) => void change(e.target.value as Locale)}
        options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      />
    </Card>
  );
}
