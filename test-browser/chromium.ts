/**
 * Debian Chromium for the browser tests, started with exactly the project's flags and a fresh temporary
 * profile, then driven by playwright-core over the DevTools protocol. (Playwright's own launcher adds
 * its own switches and refuses --user-data-dir, so the process is spawned here.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface LaunchedChromium {
  browser: Browser;
  close(): Promise<void>;
}

function waitForDevTools(proc: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${code} before it was ready:\n${stderr}`));
    });
  });
}

export async function launchChromium(): Promise<LaunchedChromium> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get update && apt-get install -y chromium`);
  }
  const profile = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'giamngheo-chromium-'));
  const proc = spawn(CHROMIUM_PATH, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // If the test process dies without reaching close(), do not leave the browser running.
  const killOnExit = () => proc.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    const wsEndpoint = await waitForDevTools(proc, 30_000);
    const browser = await chromium.connectOverCDP(wsEndpoint);
    return {
      browser,
      async close() {
        process.removeListener('exit', killOnExit);
        await browser.close().catch(() => undefined);
        if (proc.exitCode === null) {
          const exited = new Promise((r) => proc.once('exit', r));
          proc.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
          if (proc.exitCode === null) proc.kill('SIGKILL');
        }
        await fs.promises.rm(profile, { recursive: true, force: true }).catch(() => undefined);
      },
    };
  } catch (err) {
    proc.kill('SIGKILL');
    await fs.promises.rm(profile, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}
