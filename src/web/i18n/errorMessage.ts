/** A message for any failure: the server's localised message when it sent one, else the catalog's. */
import { ApiError } from '../api/client.ts';
import type { I18n } from './I18nContext.ts';

export function errorMessage(err: unknown, i18n: Pick<I18n, 't' | 'tOr'>): string {
  if (err instanceof ApiError) {
    if (err.message) return err.message;
    return i18n.tOr(`error.${err.code}`, i18n.t('error.unknown'));
  }
  return i18n.t('error.unknown');
}
