import { createContext } from 'react';
import type { Locale, MessageKey, MessageVars } from './catalogs.ts';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** Message for a catalog key, with `{name}` placeholders filled from vars. */
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** Message for a key built at run time (e.g. `audit.action.${action}`), or the fallback when absent. */
  tOr: (key: string, fallback: string, vars?: MessageVars) => string;
}

export const I18nContext = createContext<I18n | null>(null);
