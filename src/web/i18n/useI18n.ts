import { useContext } from 'react';
import { I18nContext, type I18n } from './I18nContext.ts';

/** The current locale, a switch, and the typed `t()` for the message catalogs. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside <I18nProvider>');
  return ctx;
}
