import { BrowserHarness } from './browser';
import { BrowserStack } from './browser-stack';

/** The running system and the browser of one test file, available once its `beforeAll` has run. */
export interface BrowserSuite {
  readonly stack: BrowserStack;
  readonly browser: BrowserHarness;
}

/**
 * Registers the hooks that give a test file one Brigade stack and one Chromium (started side by side), a fresh browser
 * context per test, and a clean stop; call it at the top of a `describe`, before the file's own `beforeAll`. `env` goes to
 * Brigade's environment.
 */
export function useBrowserSuite(name: string, env: Readonly<Record<string, string>> = {}): BrowserSuite {
  const suite: { stack?: BrowserStack; browser?: BrowserHarness } = {};
  beforeAll(async () => {
    [suite.stack, suite.browser] = await Promise.all([BrowserStack.start(name, env), BrowserHarness.launch()]);
  }, 120_000);
  afterEach(() => suite.browser?.closeContexts());
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.close();
  }, 60_000);
  return {
    get stack() {
      if (!suite.stack) throw new Error('the browser suite has not started: use it inside a test or a later hook');
      return suite.stack;
    },
    get browser() {
      if (!suite.browser) throw new Error('the browser suite has not started: use it inside a test or a later hook');
      return suite.browser;
    },
  };
}
