import type { Page } from 'playwright-core';
import type { UserRole } from '../../src/domain/user-role';
import type { Messages } from '../../src/ui/client/i18n/messages';
import { nl } from '../../src/ui/client/i18n/nl';
import { labelled } from './browser-locators';

/** Where each role lands after signing in, as the screens route it (their route table is browser TSX, not for jest). */
export const HOME_PATH: Readonly<Record<UserRole, string>> = { coordinator: '/ui/board', expert: '/ui/inbox', auditor: '/ui/audit' };

/**
 * Signs in through the sign-in page as a person does (in Dutch, the default, unless `m` gives the texts of the language
 * the page is in): choose the role, fill in the subject, paste the token, and wait for the role's home screen.
 */
export async function signIn(page: Page, role: UserRole, subject: string, token: string, m: Messages = nl): Promise<void> {
  await page.goto('/ui/');
  await page.getByRole('radio', { name: m.roles[role], exact: true }).check();
  await labelled(page, role === 'expert' ? m.signIn.subjectExpert : m.signIn.subject).fill(subject);
  await labelled(page, m.signIn.token).fill(token);
  await page.getByRole('button', { name: m.signIn.signInWithToken }).click();
  await page.waitForURL(`**${HOME_PATH[role]}`);
}
