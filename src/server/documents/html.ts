/**
 * A tiny safe-HTML builder for print templates: every interpolated value is NFC-normalised (names typed
 * or imported in decomposed form print and search the same) and escaped, unless it is already SafeHtml.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = SafeHtml | string | number | null | undefined | false | readonly Value[];

/** Text as it should appear in a document: Unicode NFC, no surrounding blanks. */
export function documentText(s: string | null | undefined): string {
  return (s ?? '').normalize('NFC').trim();
}

export function escapeHtml(s: string): string {
  return s.normalize('NFC').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** Tagged template: `html\`<td>${name}</td>\`` escapes `name`. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Trusted markup (constant CSS, pre-built fragments). */
export function raw(s: string): SafeHtml {
  return new SafeHtml(s);
}
