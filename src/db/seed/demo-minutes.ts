/**
 * Minutes of a demo village meeting as a one-page PDF (the review API accepts PDF or images for
 * minutes). The page is written by hand with the standard Helvetica font, so the text is the ASCII
 * fold of the Vietnamese (no font embedding); it says plainly that it is synthetic demo data.
 */
import { toAscii } from '../units/text.ts';

function pdfText(s: string): string {
  return toAscii(s).replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A valid single-page PDF showing `lines` (Vietnamese text folded to ASCII). */
export function minutesPdf(title: string, lines: readonly string[]): Buffer {
  const body = [
    'BT',
    '/F1 13 Tf',
    '56 780 Td',
    '16 TL',
    `(${pdfText(title)}) Tj`,
    '/F1 10.5 Tf',
    'T*',
    ...lines.flatMap((l) => ['T*', `(${pdfText(l)}) Tj`]),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
