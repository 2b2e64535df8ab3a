import { useCallback, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { I18nContext, type I18n } from './I18nContext.ts';
import { isMessageKey, readStoredLocale, storeLocale, translate, type Locale } from './catalogs.ts';
import { setApiLocale } from '../api/client.ts';

function applyLocale(locale: Locale): void {
  storeLocale(locale);
  setApiLocale(locale);
  dayjs.locale(locale === 'vi' ? 'vi' : 'en');
  document.documentElement.lang = locale;
  document.title = translate(locale, 'app.name');
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = readStoredLocale();
    applyLocale(initial);
    return initial;
  });

  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      tOr: (key, fallback, vars) => (isMessageKey(key) ? translate(locale, key, vars) : fallback),
    }),
    [locale, setLocale],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
