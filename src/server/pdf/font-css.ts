/**
 * @font-face rules for Tinos (a Times New Roman–metric serif, the usual face of Vietnamese
 * administrative documents) with the woff2 files of @fontsource/tinos inlined as data: URLs, so a
 * rendered page needs no network and every Vietnamese letter comes from the same font.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export const DOCUMENT_FONT_FAMILY = 'Tinos';

/**
 * Unicode subsets Vietnamese text uses: basic Latin and the Vietnamese range (ă, đ, ĩ, ũ, ơ, ư and
 * U+1EA0–1EF9 such as ạ, ế, ợ). The large latin-ext subset is left out (other European letters fall
 * back to the system serif); it would quadruple the inlined size.
 */
const SUBSETS = ['latin', 'vietnamese'] as const;
const VARIANTS = ['400', '400-italic', '700', '700-italic'] as const;

let cached: string | undefined;

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@fontsource/tinos/package.json'));
}

/**
 * The blocks of one @fontsource weight file (e.g. 400-italic.css, which carries each subset's
 * unicode-range) for the wanted subsets, with each `src:` replaced by the inlined woff2 it names.
 */
function inlineCss(dir: string, file: string): string[] {
  const css = fs.readFileSync(path.join(dir, file), 'utf8');
  const wanted = new RegExp(`^/\\* tinos-(${SUBSETS.join('|')})-\\d`);
  return css
    .split(/(?=\/\* tinos-)/)
    .filter((block) => wanted.test(block))
    .map((block) =>
      block.replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\)[^;]*;/g, (_, woff2: string) => {
        const data = fs.readFileSync(path.join(dir, 'files', woff2)).toString('base64');
        return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
      }),
    );
}

/** The CSS (read once, then cached). Throws a Vietnamese error when the font package is missing. */
export function documentFontCss(): string {
  if (cached !== undefined) return cached;
  let dir: string;
  try {
    dir = packageDir();
  } catch {
    throw new Error('Thiếu phông chữ @fontsource/tinos (cài bằng lệnh: npm install @fontsource/tinos)');
  }
  const blocks = VARIANTS.flatMap((variant) => inlineCss(dir, `${variant}.css`));
  if (blocks.length !== SUBSETS.length * VARIANTS.length) throw new Error(`Phông chữ @fontsource/tinos không đủ các bộ ký tự ${SUBSETS.join(', ')}`);
  cached = blocks.join('\n');
  return cached;
}
