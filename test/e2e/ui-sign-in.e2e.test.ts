import type { Locator, Page } from 'playwright-core';
import type { UserRole } from '../../src/domain/user-role';
import { en } from '../../src/ui/client/i18n/en';
import type { Messages } from '../../src/ui/client/i18n/messages';
import { nl } from '../../src/ui/client/i18n/nl';
import { checkAccessibility, recordPage } from '../support/browser-accessibility';
import { anExpert, type PoolExpert } from '../support/browser-fixtures';
import {
  DEMO_EMAIL, DEMO_NAME, DEMO_PASSWORD, HOME_PATH, PROVIDER_LOGIN_URL, PROVIDER_TEXTS, signIn, signInAtProvider, signOut,
} from '../support/browser-sign-in';
import type { BrowserStack } from '../support/browser-stack';
import { useBrowserSuite } from '../support/browser-suite';

const EXPERT_NAME = 'Sanne Bakker';

/** The heading each role's home screen opens with. */
const HOME_TITLE: Readonly<Record<UserRole, (m: Messages) => string>> = {
  coordinator: (m) => m.board.title, expert: (m) => m.inbox.title, auditor: (m) => m.audit.listTitle,
};

/** Presses Tab until `target` has focus, as a keyboard user would; fails when it never gets there. */
async function tabTo(page: Page, target: Locator, what: string, maxPresses = 30): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
  }
  throw new Error(`${what} never had focus after ${maxPresses} presses of Tab`);
}

/**
 * Expires the session in the relying party's own table, as if its time had passed: every idle and absolute ending of
 * the sessions in the database moved into the past. The table is found by its columns, so that a renamed table or
 * column fails here with a message rather than silently leaving the session alive.
 */
async function expireSessionsInDatabase(stack: BrowserStack): Promise<void> {
  const columns = await stack.sql<{ table_schema: string; table_name: string; column_name: string }>(
    `SELECT table_schema, table_name, column_name FROM information_schema.columns
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND column_name ~* '(idle|absolute).*expir|expir.*(idle|absolute)'`,
  );
  if (columns.length === 0) throw new Error('found no session table with idle or absolute expiry columns (see src/auth/ for its name)');
  for (const { table_schema: schema, table_name: table, column_name: column } of columns) {
    const type = (await stack.sql<{ data_type: string }>(
      'SELECT data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = $3', [schema, table, column],
    ))[0].data_type;
    // Instants as timestamps or as epoch milliseconds, whichever the table keeps.
    const past = type.startsWith('timestamp') ? "now() - interval '1 minute'" : '(extract(epoch from now()) * 1000 - 60000)::bigint';
    await stack.sql(`UPDATE "${schema}"."${table}" SET "${column}" = ${past}`);
  }
}

describe('signing in and out through the sign-in provider', () => {
  const suite = useBrowserSuite('ui-sign-in');
  let expert: PoolExpert;

  beforeAll(async () => {
    expert = await anExpert(suite.stack, EXPERT_NAME, 'CITIZEN_MEETING');
  });

  const ACCOUNTS: ReadonlyArray<[UserRole, () => string, () => string]> = [
    ['coordinator', () => DEMO_EMAIL.coordinator, () => DEMO_NAME.coordinator],
    ['expert', () => expert.email, () => EXPERT_NAME],
  ];

  it.each(ACCOUNTS)('lets a %s sign in at the provider, see their own home and sign out', async (role, email, name) => {
    const { page, errors } = await suite.browser.newPage(suite.stack.baseUrl);
    await signIn(page, role, email());

    await page.getByRole('heading', { level: 1, name: HOME_TITLE[role](nl) }).waitFor();
    expect(await page.getByTestId('who-am-i').innerText()).toContain(nl.app.signedInAs(name(), nl.roles[role]));
    await signOut(page);
    expect(new URL(page.url()).pathname).toBe('/ui/');
    await page.getByRole('link', { name: nl.signIn.action, exact: true }).waitFor();
    // Signed out on the server too: a role's screen now asks to sign in again.
    await page.goto(HOME_PATH[role]);
    await page.waitForURL(/\/ui\/\?next=/);
    expect(errors).toEqual([]);
  });

  it('lets an auditor do all of it with the keyboard alone', async () => {
    const { page, errors } = await suite.browser.newPage(suite.stack.baseUrl);
    const texts = PROVIDER_TEXTS.nl;
    await page.goto('/ui/');
    await page.getByRole('heading', { level: 1, name: nl.signIn.title }).waitFor();

    await tabTo(page, page.getByRole('link', { name: nl.signIn.action, exact: true }), 'the sign-in button');
    await page.keyboard.press('Enter');
    await page.waitForURL(PROVIDER_LOGIN_URL);
    await page.getByRole('heading', { level: 1, name: texts.heading }).waitFor();
    await tabTo(page, page.getByLabel(texts.email, { exact: true }), 'the e-mail field');
    await page.keyboard.type(DEMO_EMAIL.auditor);
    await tabTo(page, page.getByLabel(texts.password, { exact: true }), 'the password field');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    await page.waitForURL(`**${HOME_PATH.auditor}`);
    await page.getByRole('heading', { level: 1, name: nl.audit.listTitle }).waitFor();
    expect(await page.getByTestId('who-am-i').innerText()).toContain(nl.app.signedInAs(DEMO_NAME.auditor, nl.roles.auditor));
    await tabTo(page, page.getByRole('button', { name: nl.app.signOut, exact: true }), 'the sign-out button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ui\/\?(.*&)?signedOut=1/);
    expect(await page.getByTestId('sign-in-notice').innerText()).toBe(nl.signIn.signedOut);
    await recordPage(page, 'sign-in-signed-out-nl', 'sign-in after signing out (nl)');
    expect(errors).toEqual([]);
  });

  it('returns to sign-in saying the session expired when the server has let it run out', async () => {
    const { page, errors } = await suite.browser.newPage(suite.stack.baseUrl);
    await signIn(page, 'coordinator', DEMO_EMAIL.coordinator);
    // Away from the screens while the session runs out, so no poll sees it first.
    await page.goto('about:blank');
    await expireSessionsInDatabase(suite.stack);

    await page.goto('/ui/board');
    await page.waitForURL(/\/ui\/\?(.*&)?session=expired/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/ui/board');
    expect(await page.getByTestId('sign-in-notice').innerText()).toBe(nl.signIn.sessionExpired);
    await recordPage(page, 'sign-in-expired-nl', 'sign-in after the session expired (nl)');
    // Signing in again returns to the screen the person was on; the provider may still know them and ask nothing.
    await page.getByRole('link', { name: nl.signIn.action, exact: true }).click();
    await page.waitForURL((url) => PROVIDER_LOGIN_URL.test(url.pathname) || url.pathname === '/ui/board');
    if (PROVIDER_LOGIN_URL.test(new URL(page.url()).pathname)) await signInAtProvider(page, DEMO_EMAIL.coordinator);
    await page.waitForURL('**/ui/board');
    expect(errors).toEqual([]);
  });

  it.each<[string, Messages, string]>([['nl', nl, 'nl-NL'], ['en', en, 'en-US']])(
    'keeps the sign-in page and the provider\'s login page accessible in %s',
    async (language, m, locale) => {
      const { page, errors } = await suite.browser.newPage(suite.stack.baseUrl, locale);
      await page.addInitScript(`localStorage.setItem('brigade.language', ${JSON.stringify(language)})`);
      await page.goto('/ui/');
      await page.getByRole('heading', { level: 1, name: m.signIn.title }).waitFor();
      await recordPage(page, `sign-in-${language}`, `sign-in (${language})`);

      await page.getByRole('link', { name: m.signIn.action, exact: true }).click();
      await page.waitForURL(PROVIDER_LOGIN_URL);
      const texts = PROVIDER_TEXTS[language as keyof typeof PROVIDER_TEXTS];
      await page.getByRole('heading', { level: 1, name: texts.heading }).waitFor();
      expect((await page.getAttribute('html', 'lang'))?.slice(0, 2)).toBe(language);
      await recordPage(page, `provider-login-${language}`, `provider login (${language})`);
      // With its refusal shown, too.
      await page.getByLabel(texts.email, { exact: true }).fill(DEMO_EMAIL.auditor);
      await page.getByLabel(texts.password, { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: texts.submit, exact: true }).click();
      await page.getByText(texts.wrongCredentials).waitFor();
      await checkAccessibility(page, `provider login with wrong credentials (${language})`);
      expect(errors).toEqual([]);
    },
  );
});

describe('a session that runs out while the screens are open', () => {
  // A 45-second idle timeout: the warning comes 15 seconds before its end (a third of it).
  const suite = useBrowserSuite('ui-session-timeout', { BRIGADE_SESSION_IDLE_TIMEOUT: '45s' });

  it('warns before the idle ending, stays signed in on request, and returns to sign-in when it passes', async () => {
    const { page, errors } = await suite.browser.newPage(suite.stack.baseUrl);
    await signIn(page, 'auditor', DEMO_EMAIL.auditor);
    await page.getByTestId('audit-list-page').waitFor();

    // The screens keep polling, in the background: that alone does not keep the session alive.
    const warning = page.getByRole('alertdialog', { name: nl.sessionTimeout.title });
    await warning.waitFor({ timeout: 45_000 });
    expect(await warning.innerText()).toContain(nl.sessionTimeout.idleWarning(1));
    const stay = warning.getByRole('button', { name: nl.sessionTimeout.stay, exact: true });
    expect(await stay.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await checkAccessibility(page, 'session timeout warning (nl)');
    await page.keyboard.press('Enter');
    await warning.waitFor({ state: 'hidden' });
    await page.getByTestId('live-region').getByText(nl.sessionTimeout.extended).waitFor();

    // Left alone again, it warns again and then ends, saying why.
    await warning.waitFor({ timeout: 45_000 });
    await page.waitForURL(/\/ui\/\?(.*&)?session=idle-expired/, { timeout: 45_000 });
    expect(await page.getByTestId('sign-in-notice').innerText()).toBe(nl.signIn.idleExpired);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/ui/audit');
    expect(errors).toEqual([]);
  }, 180_000);
});
