/** Registry refusals as HTTP errors: the code is the message key, the status comes with the refusal. */
import { isRegistryError } from '../../db/registry/index.ts';
import { HttpError } from '../errors.ts';
import type { MessageKey } from '../messages.ts';

export function toHttpError(e: unknown): unknown {
  if (!isRegistryError(e)) return e;
  const key: MessageKey = e.code;
  return new HttpError(key, e.params, e.status);
}

/** Awaits a registry call, turning its refusals into HTTP errors. */
export async function registryCall<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw toHttpError(e);
  }
}
