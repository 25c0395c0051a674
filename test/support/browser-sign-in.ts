import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import type { UserRole } from '../../src/domain/user-role';
import type { Language, Messages } from '../../src/ui/client/i18n/messages';
import { nl } from '../../src/ui/client/i18n/nl';
import { labelled } from './browser-locators';
import { DEMO_PASSWORD } from '../../src/identity-provider/demo-accounts';
import { PROVIDER_TEXTS as PROVIDER_PAGE_TEXTS } from '../../src/identity-provider/provider-texts';

/** Where each role lands after signing in, as the screens route it (their route table is browser TSX, not for jest). */
export const HOME_PATH: Readonly<Record<UserRole, string>> = { coordinator: '/ui/board', expert: '/ui/inbox', auditor: '/ui/audit' };

/** The embedded provider's demo password, the same for every demo account and every expert in the pool. */
export { DEMO_PASSWORD };

/** The embedded provider's demo accounts of the roles that are not in the pool; experts sign in with their pool e-mail. */
export const DEMO_EMAIL = { coordinator: 'coordinator@brigade.local', auditor: 'auditor@brigade.local' } as const;

/** The names the embedded provider's demo accounts carry into the screens' header. */
export const DEMO_NAME = { coordinator: 'Demo Coördinator', auditor: 'Demo Auditor' } as const;

/** The embedded provider's login page, in its two languages, under the names these tests use. */
export const PROVIDER_TEXTS: Readonly<Record<Language, {
  heading: string; email: string; password: string; submit: string; totp: string; confirm: string; wrongCredentials: string;
}>> = {
  nl: pageTexts('nl'),
  en: pageTexts('en'),
};

function pageTexts(language: Language) {
  const t = PROVIDER_PAGE_TEXTS[language];
  return { heading: t.signInTitle, email: t.email, password: t.password, submit: t.signIn, totp: t.totpCode, confirm: t.confirm, wrongCredentials: t.wrongCredentials };
}

/** Where the embedded provider's interaction (login) pages live. */
export const PROVIDER_LOGIN_URL = /\/oidc\/interaction\/[^/]+$/;

/** The language the provider's login page is in, from its `lang`, once the page is there. */
export async function providerLanguage(page: Page): Promise<Language> {
  await page.waitForURL(PROVIDER_LOGIN_URL);
  return (await page.locator('html').getAttribute('lang'))?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/**
 * Signs in on the provider's login page the page is on (or is on its way to): e-mail, the demo password, and the TOTP
 * step when the account has one. The page's own language is used unless `language` says which to expect.
 */
export async function signInAtProvider(page: Page, email: string, options: { totpSecret?: string; language?: Language } = {}): Promise<void> {
  const language = options.language ?? (await providerLanguage(page));
  const texts = PROVIDER_TEXTS[language];
  await page.getByRole('heading', { level: 1, name: texts.heading }).waitFor();
  await labelled(page, texts.email).fill(email);
  await labelled(page, texts.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: texts.submit, exact: true }).click();
  if (options.totpSecret) {
    const code = labelled(page, texts.totp);
    await code.waitFor();
    await code.fill(await generate({ secret: options.totpSecret }));
    await page.getByRole('button', { name: texts.confirm, exact: true }).click();
  }
}

/**
 * Signs in as a person does: the screens' sign-in page (in Dutch, the default, unless `m` gives the texts of the
 * language the page is in), its one button to the provider, the provider's login page, and back to the role's home
 * screen. Coordinators and auditors use the demo accounts (`DEMO_EMAIL`), experts their e-mail in the pool.
 */
export async function signIn(page: Page, role: UserRole, email: string, m: Messages = nl): Promise<void> {
  await page.goto('/ui/');
  await page.getByRole('link', { name: m.signIn.action, exact: true }).click();
  await signInAtProvider(page, email);
  await page.waitForURL(`**${HOME_PATH[role]}`);
}

/** Signs out with the header's button and waits for the sign-in page that says so. */
export async function signOut(page: Page, m: Messages = nl): Promise<void> {
  await page.getByRole('button', { name: m.app.signOut, exact: true }).click();
  await page.waitForURL(/\/ui\/\?(.*&)?signedOut=1/);
  await page.getByTestId('sign-in-notice').getByText(m.signIn.signedOut).waitFor();
}
