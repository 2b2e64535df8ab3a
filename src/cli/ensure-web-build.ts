/** Builds the web app with Vite when dist/web is missing or older than any file under src/web. */
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export async function ensureWebBuild(repoRoot: string, log: (s: string) => void = () => {}): Promise<void> {
  const srcDir = path.join(repoRoot, 'src/web');
  const index = path.join(repoRoot, 'dist/web/index.html');
  if (!fs.existsSync(path.join(srcDir, 'vite.config.ts'))) return;
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(srcDir)) return;
  log('Đang dựng giao diện web (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(srcDir, 'vite.config.ts'), logLevel: 'warn' });
}
