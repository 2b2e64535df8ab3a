/**
 * One browser test file's fixture: the real server (harness.ts) and Debian's Chromium (chromium.ts),
 * started before the file's tests and closed after them, and the directory for its screenshots.
 */
import { after, before } from 'node:test';
import { screenshotDir, startTestServer, type TestServer } from './harness.ts';
import { launchChromium, type LaunchedChromium } from './chromium.ts';

export interface BrowserSuite {
  readonly server: TestServer;
  readonly chrome: LaunchedChromium;
  /** Where the file's screenshots go. */
  readonly shots: string;
}

/**
 * Registers the file's before/after hooks; `startTimeout` (ms) bounds the start (a build of the web app
 * and the demo seed). The returned fields are read inside tests, once the hooks have run.
 */
export function browserSuite(startTimeout: number): BrowserSuite {
  let server: TestServer | undefined;
  let chrome: LaunchedChromium | undefined;
  let shots: string | undefined;
  before(async () => {
    shots = await screenshotDir();
    server = await startTestServer();
    chrome = await launchChromium();
  }, { timeout: startTimeout });
  after(async () => {
    await chrome?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`browser suite: ${what} not started (its before hook failed)`);
    return value;
  };
  return {
    get server() {
      return started(server, 'the server');
    },
    get chrome() {
      return started(chrome, 'Chromium');
    },
    get shots() {
      return started(shots, 'the screenshot directory');
    },
  };
}
