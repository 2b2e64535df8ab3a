/**
 * The frame every printed document shares: an A4 page in Tinos, the letterhead (issuing People's
 * Committee on the left, national name and motto on the right, number and place-and-date line under
 * them) and the signature block.
 */
import { documentFontCss, DOCUMENT_FONT_FAMILY } from '../pdf/font-css.ts';
import { dateLine } from './date-line.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { NATIONAL_MOTTO, NATIONAL_NAME } from './labels.ts';
import { placeName, upperVi, type NamedUnit } from './unit-names.ts';

const BASE_CSS = `
  @page { margin: 15mm 15mm 15mm 22mm; }
  html { font-family: '${DOCUMENT_FONT_FAMILY}', serif; font-size: 13pt; line-height: 1.35; color: #000; }
  body { margin: 0; }
  .landscape { font-size: 11pt; }
  table.letterhead { width: 100%; border-collapse: collapse; margin-bottom: 6mm; }
  table.letterhead td { vertical-align: top; text-align: center; padding: 0; }
  table.letterhead td.issuer { width: 40%; }
  table.letterhead .rule { width: 35%; margin: 1mm auto 2mm; border-top: 0.8pt solid #000; }
  table.letterhead .rule.wide { width: 55%; }
  .number { font-size: 12pt; }
  .dateline { font-style: italic; }
  h1 { font-size: 15pt; text-align: center; margin: 6mm 0 1mm; }
  .subtitle { text-align: center; margin: 0 0 1mm; }
  .subtitle.italic { font-style: italic; }
  p { margin: 1.5mm 0; }
  table.grid { width: 100%; border-collapse: collapse; margin-top: 3mm; page-break-inside: auto; }
  table.grid th, table.grid td { border: 0.6pt solid #000; padding: 1mm 1.2mm; vertical-align: middle; }
  table.grid th { font-weight: bold; text-align: center; }
  table.grid tr { page-break-inside: avoid; }
  table.grid thead { display: table-header-group; }
  table.grid td.center { text-align: center; }
  table.grid td.right { text-align: right; }
  table.grid tr.group td { font-weight: bold; font-style: italic; }
  table.grid tr.totals td { font-weight: bold; }
  table.grid tr.numbers th { font-weight: normal; font-style: italic; font-size: 0.9em; }
  table.signature { width: 100%; margin-top: 6mm; border-collapse: collapse; page-break-inside: avoid; }
  table.signature td { width: 50%; text-align: center; vertical-align: top; }
  .sign-note { font-style: italic; font-size: 0.9em; }
  .sign-space { height: 24mm; }
  .notes { font-size: 0.9em; margin-top: 4mm; }
`;

export interface PageOptions {
  title: string;
  /** Smaller type for wide tables; the renderer is told the orientation separately. */
  landscape?: boolean;
  body: SafeHtml;
}

/** A complete HTML document with the embedded font. */
export function documentPage(opts: PageOptions): string {
  return html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${opts.title}</title>
<style>${raw(documentFontCss())}${raw(BASE_CSS)}</style></head>
<body class="${opts.landscape ? 'landscape' : 'portrait'}">${opts.body}</body></html>`.value;
}

export interface LetterheadOptions {
  issuer: NamedUnit;
  /** Document number ("Số: …"); omitted for attachments. */
  number?: string;
  date?: string | null;
}

/** Issuing body and national name side by side, then number and place-and-date line. */
export function letterhead(o: LetterheadOptions): SafeHtml {
  return html`<table class="letterhead"><tr>
  <td class="issuer">UỶ BAN NHÂN DÂN<br><b>${upperVi(`${o.issuer.type} ${placeName(o.issuer)}`)}</b><div class="rule"></div>
    ${o.number ? html`<div class="number">Số: ${o.number}</div>` : ''}</td>
  <td><b>${NATIONAL_NAME}</b><br><b>${NATIONAL_MOTTO}</b><div class="rule wide"></div>
    <div class="dateline">${dateLine(placeName(o.issuer), o.date)}</div></td>
</tr></table>`;
}

export interface SignatureOptions {
  /** "CHỦ TỊCH". */
  title: string;
  signer?: string | null;
  /** Left column (e.g. "Nơi nhận"), optional. */
  left?: SafeHtml;
}

export function signatureBlock(o: SignatureOptions): SafeHtml {
  return html`<table class="signature"><tr>
  <td>${o.left ?? ''}</td>
  <td><b>${o.title}</b><br><span class="sign-note">(Ký, ghi rõ họ tên và đóng dấu)</span><div class="sign-space"></div><b>${o.signer ?? ''}</b></td>
</tr></table>`;
}
