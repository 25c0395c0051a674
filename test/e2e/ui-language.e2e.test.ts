import type { Page } from 'playwright-core';
import type { UserRole } from '../../src/domain/user-role';
import { en } from '../../src/ui/client/i18n/en';
import { localeOf, type Language, type Messages } from '../../src/ui/client/i18n/messages';
import { nl } from '../../src/ui/client/i18n/nl';
import { REGION_NAMES } from '../../src/ui/client/region-names';
import { aRegisteredCase, aRequestBody, anAcceptedCase, anExpert, caseStateWhen, type PoolExpert } from '../support/browser-fixtures';
import { describeLeaks, otherLanguageOnPage } from '../support/browser-language';
import { labelled } from '../support/browser-locators';
import { DEMO_EMAIL, DEMO_NAME, signIn } from '../support/browser-sign-in';
import { useBrowserSuite } from '../support/browser-suite';

/** Where the screens remember the chosen language (`LANGUAGE_STORAGE_KEY` in the client's `i18n/language.tsx`). */
const LANGUAGE_STORAGE_KEY = 'brigade.language';
const EXPERT_NAME = 'Anouk de Vries';

/** Names read the same in both languages: the people, places and partners of this test, and the brand's own word. */
const ALLOWED_NAMES: readonly string[] = [
  EXPERT_NAME, DEMO_NAME.coordinator, DEMO_NAME.auditor, 'Dinkelland', 'Houten', 'Bunnik', 'Tilburg', ...Object.values(REGION_NAMES), 'COA', 'NCTV',
];

// Each language's pages open in a browser set to the other language, so that what they show follows the page, not the browser.
const LANGUAGES: ReadonlyArray<[Language, Messages, string]> = [['nl', nl, 'en-US'], ['en', en, 'nl-NL']];

describe('every screen in one language at a time', () => {
  const suite = useBrowserSuite('ui-language');
  let secondTriageCase: string;
  let escalatedCase: string;
  let teamCase: string;
  let expert: PoolExpert;

  beforeAll(async () => {
    const { stack } = suite;
    expert = await anExpert(stack, EXPERT_NAME, 'CITIZEN_MEETING');
    // Two requests from one municipality, both waiting for triage: the board and chart must tell them apart.
    await aRegisteredCase(stack, aRequestBody('SHELTER_SUPPORT', 'Dinkelland', { safetyRegion: 'twente' }));
    secondTriageCase = await aRegisteredCase(stack, aRequestBody('INCIDENT', 'Dinkelland', { safetyRegion: 'twente', indicators: { threatsReceived: true } }));
    // A case the expert accepted, with its team and tasks, and one whose offer still waits in her inbox.
    teamCase = await anAcceptedCase(stack, 'CITIZEN_MEETING', 'Houten', { indicators: { expectedAttendance: 400 } });
    const offered = await caseStateWhen(stack, teamCase, (s) => s.openOffers.length > 0, 'an offer');
    await stack.as('expert', expert.id).post(`/cases/${teamCase}/offers/${offered.openOffers[0].offerId}/accept`).send({}).expect(200);
    await caseStateWhen(stack, teamCase, (s) => s.tasks.length > 0, 'the tasks of the team');
    const waiting = await anAcceptedCase(stack, 'CITIZEN_MEETING', 'Bunnik');
    await caseStateWhen(stack, waiting, (s) => s.openOffers.length > 0, 'an offer');
    // An incident no expert covers: its matching escalates, so the escalation's texts show too.
    escalatedCase = await anAcceptedCase(stack, 'INCIDENT', 'Tilburg', { safetyRegion: 'midden-en-west-brabant', indicators: { onlineAgitation: true } });
    await caseStateWhen(stack, escalatedCase, (s) => s.openEscalations.length > 0, 'the escalation of a failed match');
  });

  describe.each(LANGUAGES)('in %s', (language, m, browserLocale) => {
    /**
     * A fresh page in the language, signed in as the role (with the e-mail of its account at the provider) when one is
     * given. The provider's login page follows the browser's language, the other one, which `signIn` reads off the page.
     */
    async function openAs(role: UserRole | null, email = ''): Promise<{ page: Page; errors: string[] }> {
      const opened = await suite.browser.newPage(suite.stack.baseUrl, browserLocale);
      await opened.page.addInitScript(`localStorage.setItem(${JSON.stringify(LANGUAGE_STORAGE_KEY)}, ${JSON.stringify(language)})`);
      if (role) await signIn(opened.page, role, email, m);
      return opened;
    }

    async function expectOnlyThisLanguage(page: Page): Promise<void> {
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      const leaks = await otherLanguageOnPage(page, language, ALLOWED_NAMES);
      expect(describeLeaks(leaks)).toEqual([]);
    }

    it('shows the sign-in page with its one button to the provider, and the notices it can give', async () => {
      const { page, errors } = await openAs(null);
      await page.goto('/ui/?session=idle-expired');
      await page.getByRole('heading', { level: 1, name: m.signIn.title }).waitFor();
      await page.getByRole('link', { name: m.signIn.action, exact: true }).waitFor();
      expect(await page.getByTestId('sign-in-notice').innerText()).toBe(m.signIn.idleExpired);
      expect(await page.locator('textarea, input').count()).toBe(0);
      expect(await page.locator('.rvo-logo__subtitle').innerText()).toBe(m.app.brand);
      expect(await page.locator('.vb-footer').innerText()).toContain(m.app.brand);
      await expectOnlyThisLanguage(page);
      expect(errors).toEqual([]);
    });

    it('shows the board, the two cases of one municipality apart in the chart, counting open cases only', async () => {
      const { page, errors } = await openAs('coordinator', DEMO_EMAIL.coordinator);
      await page.locator(`[data-testid="case-row"][data-case-id="${secondTriageCase}"]`).waitFor();
      await page.getByTestId('deadline-chart').waitFor();

      const rows = await page.getByTestId('case-row').count();
      expect(await page.getByTestId('board-caption').innerText()).toBe(m.board.tableCaptionOpen(rows, rows));
      const labels = await page.locator('.vb-chart__label').allTextContents();
      const dinkelland = labels.filter((label) => label.startsWith('Dinkelland'));
      expect(dinkelland).toHaveLength(2);
      expect(new Set(dinkelland).size).toBe(2);
      await expectOnlyThisLanguage(page);
      expect(errors).toEqual([]);
    });

    it('shows the new-request form, its refusals, and a day-first date field that refuses a day that does not exist', async () => {
      const { page, errors } = await openAs('coordinator', DEMO_EMAIL.coordinator);
      await page.goto('/ui/cases/new');
      await page.getByRole('heading', { level: 1, name: m.newCase.title }).waitFor();
      await page.getByRole('button', { name: m.newCase.submit }).click();
      await page.getByTestId('error-summary').waitFor();
      await expectOnlyThisLanguage(page);

      const eventDate = labelled(page, m.newCase.eventDate);
      expect(await eventDate.getAttribute('type')).toBe('text');
      expect(await page.locator(`#${await eventDate.getAttribute('aria-describedby').then((ids) => ids!.split(' ')[0])}`).innerText()).toContain(m.dateTimeInput.hint);
      await eventDate.fill('31-02-2027 10:00');
      await page.getByRole('button', { name: m.newCase.submit }).click();
      const problem = m.dateTimeInput.impossibleDate(m.newCase.eventDate);
      await page.locator('#field-eventDate-error').getByText(problem).waitFor();
      expect(await eventDate.getAttribute('aria-invalid')).toBe('true');
      expect(await eventDate.getAttribute('aria-describedby')).toContain('field-eventDate-error');
      expect(await page.getByTestId('error-summary').innerText()).toContain(problem);
      await expectOnlyThisLanguage(page);
      expect(errors).toEqual([]);
    });

    it('shows a case in triage with its triage deadline, its safety region alone, and dates in the page\'s language', async () => {
      const { page, errors } = await openAs('coordinator', DEMO_EMAIL.coordinator);
      await page.goto(`/ui/cases/${secondTriageCase}`);
      await page.locator('[data-testid="case-stage"][data-stage="Triage"]').waitFor();

      expect(await page.getByTestId('case-region').innerText()).toBe('Twente');
      expect(await page.getByTestId('case-municipality').innerText()).toBe('Dinkelland');
      const deadline = await page.getByTestId('case-deadline').innerText();
      expect(deadline).toContain(m.deadlineKind.triage);
      expect(deadline).not.toContain(m.countdown.none);
      const { receivedAt } = await caseStateWhen(suite.stack, secondTriageCase, () => true, 'the case');
      const received = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(receivedAt));
      expect(await page.locator(`dt:text-is("${m.casePage.received}") + dd`).innerText()).toBe(received);
      await expectOnlyThisLanguage(page);
      expect(errors).toEqual([]);
    });

    it('shows a case with its team and tasks', async () => {
      const { page, errors } = await openAs('coordinator', DEMO_EMAIL.coordinator);
      await page.goto(`/ui/cases/${teamCase}`);
      await page.locator('[data-testid="case-task"]').first().waitFor();
      await expectOnlyThisLanguage(page);
      expect(errors).toEqual([]);
    });

    it('shows a case whose matching escalated', async () => {
      const { page, errors } = await openAs('coordinator', DEMO_EMAIL.coordinator);
      await page.goto(`/ui/cases/${escalatedCase}`);
      await page.getByRole('button', { name: m.casePage.acknowledge }).first().waitFor();
      await expectOnlyThisLanguage(page);
      expect(errors).toEqual([]);
    });

    it('shows the expert\'s inbox with an offer, tasks and a case', async () => {
      const { page, errors } = await openAs('expert', expert.email);
      await page.getByTestId('inbox-offer').first().waitFor();
      await page.getByTestId('inbox-task').first().waitFor();
      await expectOnlyThisLanguage(page);
      expect(errors).toEqual([]);
    });

    it('shows the audit list and a verified case', async () => {
      const { page, errors } = await openAs('auditor', DEMO_EMAIL.auditor);
      await page.locator(`tr[data-case-id="${teamCase}"]`).waitFor();
      await expectOnlyThisLanguage(page);

      await page.locator(`tr[data-case-id="${teamCase}"]`).getByRole('link').click();
      await page.getByTestId('audit-verify-result').waitFor({ timeout: 60_000 });
      await expectOnlyThisLanguage(page);
      expect(errors).toEqual([]);
    });

    it('shows another role\'s screen as not for this role', async () => {
      const { page, errors } = await openAs('expert', expert.email);
      await page.goto('/ui/board');
      await page.getByTestId('not-for-role').waitFor();
      await expectOnlyThisLanguage(page);
      expect(errors).toEqual([]);
    });
  });
});
