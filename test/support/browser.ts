import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BROWSER_OUTPUT_DIR } from './browser-output';

/** Where Debian installs Chromium; `BRIGADE_CHROMIUM_PATH` points elsewhere. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** The Chromium binary the browser tests drive. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.BRIGADE_CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** A page in a context of its own, with everything the page threw or logged as an error. */
export interface BrowserPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions and errors the page logged (not the failed requests Chromium logs), for a test to assert there were none. */
  readonly errors: string[];
}

/** One headless Chromium for a test file; every test gets a fresh context, so no storage or cookie leaks between tests. */
export class BrowserHarness {
  private readonly contexts: BrowserContext[] = [];

  private constructor(readonly browser: Browser) {}

  /** Launches the system's Chromium through playwright-core (no browser download). */
  static async launch(): Promise<BrowserHarness> {
    // Chromium's sandbox refuses to run as root (CI containers); as any other user it stays on.
    const args = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const executablePath = chromiumPath();
    if (!existsSync(executablePath)) {
      throw new Error(`no Chromium at ${executablePath}: install Debian's package (apt-get install chromium) or set BRIGADE_CHROMIUM_PATH`);
    }
    const browser = await chromium.launch({ executablePath, headless: true, args });
    return new BrowserHarness(browser);
  }

  /** A new context and page at `baseURL`, in the given browser language, on a desktop-sized window. */
  async newPage(baseURL: string, locale = 'nl-NL'): Promise<BrowserPage> {
    const context = await this.browser.newContext({ baseURL, locale, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    this.contexts.push(context);
    // Long enough for a poll or two of the screens and a workflow step; short enough that a miss fails within the test's time.
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Chromium also logs every 4xx answer as an error; the API refusing bad input is something tests provoke on purpose.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console error: ${message.text()}`);
    });
    return { context, page, errors };
  }

  /** Closes the contexts a test opened, keeping the browser for the next test. */
  async closeContexts(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close();
  }

  /** Closes the browser and everything in it. */
  async close(): Promise<void> {
    await this.closeContexts();
    await this.browser.close();
  }
}

/** Writes a full-page PNG to `.test-output/browser/screenshots/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(BROWSER_OUTPUT_DIR, 'screenshots', `${name}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
