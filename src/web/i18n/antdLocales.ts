/**
 * Ant Design's own texts (pagination, date picker, empty states) in the interface language.
 * antd ships its locale files as untyped-for-ESM modules: TypeScript (NodeNext) sees the CommonJS
 * shape `{ default: locale }` while Vite hands over the locale itself, so unwrap whichever arrives.
 */
import type { ConfigProviderProps } from 'antd';
import viModule from 'antd/es/locale/vi_VN.js';
import enModule from 'antd/es/locale/en_US.js';
import type { Locale } from './catalogs.ts';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

function unwrap(m: unknown): AntdLocale {
  const inner = (m as { default?: unknown }).default;
  return (inner && typeof inner === 'object' && 'locale' in inner ? inner : m) as AntdLocale;
}

export const ANTD_LOCALES: Record<Locale, AntdLocale> = { vi: unwrap(viModule), en: unwrap(enModule) };
