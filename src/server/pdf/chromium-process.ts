/**
 * The server's own Chromium: Debian's /usr/bin/chromium started with the project's fixed flags and a
 * throw-away profile, driven by playwright-core over the DevTools protocol (Playwright's launcher adds
 * its own switches and refuses --user-data-dir, so the process is spawned here).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Exactly the flags the project allows; nothing is added to them. */
export const CHROMIUM_FLAGS: readonly string[] = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** Chromium is not installed where it is expected. */
export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
  constructor(readonly executable: string) {
    super(`Không tìm thấy trình duyệt Chromium tại ${executable}. Cài đặt bằng lệnh: apt-get install -y chromium`);
  }
}

export interface ChromiumProcess {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Resolves with the DevTools WebSocket URL Chromium prints on stderr. stderr keeps being drained
 * afterwards so a chatty browser never blocks on a full pipe.
 */
function devToolsEndpoint(proc: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let settled = false;
    const settle = (err: Error | null, url?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      output = '';
      if (err) reject(err);
      else resolve(url!);
    };
    const timer = setTimeout(() => settle(new Error(`Chromium không khởi động trong ${timeoutMs} ms:\n${output}`)), timeoutMs);
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (chunk: string) => {
      if (settled) return;
      output += chunk;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (found) settle(null, found[1]);
    });
    proc.once('error', (err) => settle(err));
    proc.once('exit', (code) => settle(new Error(`Chromium dừng (mã ${code}) trước khi sẵn sàng:\n${output}`)));
  });
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  const timeout = new Promise((r) => setTimeout(r, 5000).unref());
  await Promise.race([exited, timeout]);
  if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
}

/** Starts one Chromium process and connects to it. Throws ChromiumMissingError when it is not installed. */
export async function startChromium(executable: string = DEFAULT_CHROMIUM_PATH): Promise<ChromiumProcess> {
  if (!fs.existsSync(executable)) throw new ChromiumMissingError(executable);
  const profile = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'giamngheo-pdf-'));
  const proc = spawn(executable, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // A server that dies without closing must not leave the browser behind.
  const killOnExit = () => proc.kill('SIGKILL');
  process.once('exit', killOnExit);
  const cleanUp = async () => {
    process.removeListener('exit', killOnExit);
    await stop(proc);
    await fs.promises.rm(profile, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    const browser = await chromium.connectOverCDP(await devToolsEndpoint(proc, 30_000));
    return {
      browser,
      async close() {
        await browser.close().catch(() => undefined);
        await cleanUp();
      },
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}
