/** Turns Fastify/Ajv schema-validation errors into Vietnamese (or English) messages naming the field. */
import { message, type Locale } from './messages.ts';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function fieldName(e: AjvError): string {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') return [path, String(e.params.missingProperty)].filter(Boolean).join('.');
  if (e.keyword === 'additionalProperties') return [path, String(e.params.additionalProperty)].filter(Boolean).join('.');
  return path || '(body)';
}

const TYPE_VI: Record<string, string> = { string: 'chuỗi ký tự', integer: 'số nguyên', number: 'số', boolean: 'đúng/sai', object: 'đối tượng', array: 'danh sách' };

export function describeValidationError(locale: Locale, e: AjvError): { field: string; message: string } {
  const field = fieldName(e);
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return { field, message: message(locale, 'field_required', { field }) };
    case 'type': {
      const t = String(p.type);
      return { field, message: message(locale, 'field_type', { field, type: locale === 'vi' ? (TYPE_VI[t] ?? t) : t }) };
    }
    case 'minLength':
      return { field, message: message(locale, 'field_min_length', { field, limit: Number(p.limit) }) };
    case 'maxLength':
      return { field, message: message(locale, 'field_max_length', { field, limit: Number(p.limit) }) };
    case 'pattern':
      return { field, message: message(locale, 'field_pattern', { field }) };
    case 'enum':
      return { field, message: message(locale, 'field_enum', { field, values: ((p.allowedValues as unknown[]) ?? []).join(', ') }) };
    case 'minimum':
      return { field, message: message(locale, 'field_minimum', { field, limit: Number(p.limit) }) };
    case 'maximum':
      return { field, message: message(locale, 'field_maximum', { field, limit: Number(p.limit) }) };
    case 'additionalProperties':
      return { field, message: message(locale, 'field_unknown', { field }) };
    case 'format':
      return { field, message: message(locale, 'field_format', { field, format: String(p.format) }) };
    default:
      return { field, message: message(locale, 'validation') };
  }
}
