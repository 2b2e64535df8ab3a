/**
 * Field errors from a 400 `validation` answer. The contract leaves `details` open; accept the usual
 * shapes: `{field|path|instancePath, message}` (Fastify/AJV use instancePath "/username").
 */
import { ApiError } from './client.ts';

export interface FieldError {
  name: string;
  errors: string[];
}

export function fieldErrorsFrom(err: unknown): FieldError[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  const out: FieldError[] = [];
  for (const d of err.details as unknown[]) {
    if (!d || typeof d !== 'object') continue;
    const rec = d as Record<string, unknown>;
    const raw = rec.field ?? rec.path ?? rec.instancePath;
    const name = Array.isArray(raw) ? raw.join('.') : typeof raw === 'string' ? raw.replace(/^\//, '').replace(/\//g, '.') : '';
    const message = typeof rec.message === 'string' ? rec.message : '';
    if (name && message) out.push({ name, errors: [message] });
  }
  return out;
}
