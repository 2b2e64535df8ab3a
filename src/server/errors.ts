/** Typed HTTP errors that carry a message key; the error handler renders them in the request's language. */
import type { MessageKey } from './messages.ts';

const STATUS: Partial<Record<MessageKey, number>> = {
  unauthenticated: 401,
  login_failed: 401,
  forbidden: 403,
  csrf_invalid: 403,
  account_disabled: 403,
  unit_out_of_scope: 403,
  role_not_assignable: 403,
  cannot_disable_self: 403,
  out_of_scope: 404,
  not_found: 404,
  conflict: 409,
  username_taken: 409,
  rate_limited: 429,
};

export class HttpError extends Error {
  readonly statusCode: number;
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    statusCode?: number,
    readonly details?: unknown[],
  ) {
    super(key);
    this.statusCode = statusCode ?? STATUS[key] ?? 400;
  }
}

export const forbidden = () => new HttpError('forbidden');
export const outOfScope = () => new HttpError('out_of_scope');
export const notFound = () => new HttpError('not_found');
export const conflict = () => new HttpError('conflict');
