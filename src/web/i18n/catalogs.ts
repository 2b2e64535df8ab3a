/** The message catalogs, string interpolation and the locale remembered in the browser before login. */
import { vi, type MessageKey } from './vi.ts';
import { en } from './en.ts';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export type { MessageKey };

const catalogs: Record<Locale, Record<MessageKey, string>> = { vi, en };

export type MessageVars = Record<string, string | number>;

function interpolate(text: string, vars?: MessageVars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  return interpolate(catalogs[locale][key] ?? catalogs.vi[key] ?? key, vars);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

export function isLocale(x: unknown): x is Locale {
  return x === 'vi' || x === 'en';
}

const STORAGE_KEY = 'giamngheo.locale';

export function readStoredLocale(): Locale {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : 'vi';
  } catch {
    return 'vi';
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be disabled (private mode); the choice then lasts for this page only.
  }
}

/** The suffixes of every catalog key under a prefix, e.g. the known audit actions under 'audit.action.'. */
export function keySuffixes(prefix: string): string[] {
  return Object.keys(vi)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));
}
