/**
 * The real system for browser tests: builds the web app when dist/web is missing or older than its
 * sources, then starts the server in-process on a free port over an empty temporary PGlite directory,
 * with the demo accounts seeded (the same start-up as `npm start`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(REPO_ROOT, 'dist/web');
/** What the web bundle is built from (the web app imports domain tables: roles, fact codes, review steps, the calendar). */
const WEB_SOURCES = ['src/web', 'src/domain', 'package-lock.json'];

export const DEMO_PASSWORD = 'GiamNgheo@2026';

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function webBuildIsStale(): boolean {
  const built = fs.statSync(path.join(WEB_DIST, 'index.html'), { throwIfNoEntry: false });
  if (!built) return true;
  const sources = Math.max(...WEB_SOURCES.map((s) => newestMtime(path.join(REPO_ROOT, s))));
  return sources > built.mtimeMs;
}

/** `vite build --config src/web/vite.config.ts` (= npm run build:web) when the bundle is missing or stale. */
export async function ensureWebBuild(): Promise<void> {
  if (!webBuildIsStale()) return;
  const vite = path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  const proc = spawn(process.execPath, [vite, 'build', '--config', 'src/web/vite.config.ts'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`web build failed (exit ${code}):\n${output}`);
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Households of the demo seed in browser tests (the full 50,000 of `npm start` take minutes in PGlite). */
export const TEST_DEMO_HOUSEHOLDS = 3000;

export async function startTestServer(): Promise<TestServer> {
  await ensureWebBuild();
  // The demo seed reads its size from the environment; a test run may still ask for more.
  process.env.GIAMNGHEO_DEMO_HOUSEHOLDS ??= String(TEST_DEMO_HOUSEHOLDS);
  const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'giamngheo-browser-db-'));
  const { startServer } = await import('../src/server/start-server.ts');
  try {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir },
      seedDemo: true,
      logger: false,
      webDir: WEB_DIST,
    });
    return {
      url: server.url,
      async close() {
        await server.close();
        await fs.promises.rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await fs.promises.rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** Where screenshots go: $SCREENSHOT_DIR, or a fresh temporary directory (kept for a human to look at). */
export async function screenshotDir(): Promise<string> {
  const dir = process.env.SCREENSHOT_DIR ?? (await fs.promises.mkdtemp(path.join(os.tmpdir(), 'giamngheo-screens-')));
  await fs.promises.mkdir(dir, { recursive: true });
  return dir;
}
