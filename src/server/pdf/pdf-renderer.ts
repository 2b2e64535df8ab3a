/**
 * HTML → PDF with Chromium. One browser is started on the first request and reused, with one offline
 * browser context (every network request is refused; fonts are inlined) and a small pool of pages
 * that are reused between documents (creating a page costs far more than filling one). The browser
 * closes with the server; if it dies, the next request starts a new one.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_CHROMIUM_PATH, startChromium, type ChromiumProcess } from './chromium-process.ts';

export interface PdfOptions {
  landscape?: boolean;
}

/** The PDF could not be produced; `reason` is Vietnamese and safe to show to the user. */
export class PdfUnavailableError extends Error {
  override name = 'PdfUnavailableError';
  constructor(readonly reason: string) {
    super(`Không tạo được tệp PDF: ${reason}`);
  }
}

export interface PdfRendererOptions {
  executable?: string;
  /** Pages rendered at the same time; further requests wait their turn. */
  maxConcurrentPages?: number;
}

interface Session {
  chromium: ChromiumProcess;
  context: BrowserContext;
  idle: Page[];
}

export class PdfRenderer {
  private readonly executable: string;
  private readonly maxPages: number;
  private session: Promise<Session> | undefined;
  private active = 0;
  private readonly queue: Array<() => void> = [];
  private closed = false;

  constructor(opts: PdfRendererOptions = {}) {
    this.executable = opts.executable ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
    this.maxPages = opts.maxConcurrentPages ?? 3;
  }

  /** Whether a browser is running or starting. */
  get started(): boolean {
    return this.session !== undefined;
  }

  private async open(): Promise<Session> {
    const chromium = await startChromium(this.executable);
    try {
      const context = await chromium.browser.newContext({ offline: true });
      await context.route('**/*', (route) => route.abort());
      return { chromium, context, idle: [] };
    } catch (err) {
      await chromium.close();
      throw err;
    }
  }

  private current(): Promise<Session> {
    if (this.closed) return Promise.reject(new PdfUnavailableError('máy chủ đang dừng.'));
    if (!this.session) {
      const session = this.open();
      this.session = session;
      const forget = () => {
        if (this.session === session) this.session = undefined;
      };
      session.then((s) => s.chromium.browser.on('disconnected', forget), forget);
    }
    return this.session.catch((err: Error) => {
      throw err instanceof PdfUnavailableError ? err : new PdfUnavailableError(err.message);
    });
  }

  private async turn(): Promise<() => void> {
    if (this.active >= this.maxPages) await new Promise<void>((r) => this.queue.push(r));
    this.active++;
    return () => {
      this.active--;
      this.queue.shift()?.();
    };
  }

  /** Starts the browser if needed; throws PdfUnavailableError when it cannot run. */
  async ensureStarted(): Promise<void> {
    await this.current();
  }

  /** Renders a complete HTML document to an A4 PDF. */
  async render(html: string, opts: PdfOptions = {}): Promise<Buffer> {
    const release = await this.turn();
    try {
      const session = await this.current();
      const page = session.idle.pop() ?? (await session.context.newPage());
      let reusable = false;
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const pdf = await page.pdf({ format: 'A4', landscape: opts.landscape ?? false, printBackground: true });
        reusable = true;
        return pdf;
      } finally {
        if (reusable && !page.isClosed()) session.idle.push(page);
        else await page.close().catch(() => undefined);
      }
    } finally {
      release();
    }
  }

  /** Closes the browser, if one was started. Later render() calls fail. */
  async close(): Promise<void> {
    this.closed = true;
    const session = this.session;
    this.session = undefined;
    if (session) await session.then((s) => s.chromium.close(), () => undefined);
  }
}
