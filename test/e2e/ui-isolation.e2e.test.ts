import { en } from '../../src/ui/client/i18n/en';
import { nl } from '../../src/ui/client/i18n/nl';
import { screenshot } from '../support/browser';
import { checkAccessibility } from '../support/browser-accessibility';
import { enabledButtonNames } from '../support/browser-controls';
import { anAcceptedCase, anExpert, caseStateWhen } from '../support/browser-fixtures';
import { signIn } from '../support/browser-sign-in';
import { useBrowserSuite } from '../support/browser-suite';

// The only buttons an auditor may press: the language switch and sign-out in the header, and on a case's audit page
// verify-again and the export download. Everything else an auditor reaches is a link (menu, case list, paging) or the
// version slider, which reads history and changes nothing.
const HEADER_BUTTONS = [nl.app.switchLanguageLabel, nl.app.signOut];
const AUDIT_CASE_BUTTONS = [nl.audit.verifyAgain, nl.audit.exportButton];

describe('what each role sees in the browser', () => {
  const suite = useBrowserSuite('ui-isolation');
  let expertA: string;
  let expertB: string;
  /** A citizen meeting in Houten, on expert A's team. */
  let caseOfA: string;
  /** An incident in Zeist, on expert B's team. */
  let caseOfB: string;

  beforeAll(async () => {
    const { stack } = suite;
    // Each expert covers one category, so matching can offer each case to one of them only.
    expertA = await anExpert(stack, 'Anouk de Vries', 'CITIZEN_MEETING');
    expertB = await anExpert(stack, 'Bram Jansen', 'INCIDENT');
    [caseOfA, caseOfB] = await Promise.all([anAcceptedCase(stack, 'CITIZEN_MEETING', 'Houten'), anAcceptedCase(stack, 'INCIDENT', 'Zeist')]);
    for (const [caseId, expertId] of [[caseOfA, expertA], [caseOfB, expertB]]) {
      const offered = await caseStateWhen(stack, caseId, (s) => s.openOffers.length > 0, 'an offer');
      expect(offered.openOffers.map((offer) => offer.expertId)).toEqual([expertId]);
      await stack.as('expert', expertId).post(`/cases/${caseId}/offers/${offered.openOffers[0].offerId}/accept`).send({}).expect(200);
      await caseStateWhen(stack, caseId, (s) => s.tasks.length > 0, 'the preparation tasks');
    }
  }, 60_000);

  it("never shows an expert another expert's case, in the inbox or at the case's own addresses", async () => {
    const { stack, browser } = suite;
    const { page, errors } = await browser.newPage(stack.baseUrl);
    await signIn(page, 'expert', expertA, stack.token('expert', expertA));

    const inbox = page.getByTestId('inbox-page');
    await inbox.getByTestId('inbox-task').first().waitFor();
    const shownCases = await inbox.locator('[data-case-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-case-id')));
    expect(new Set(shownCases)).toEqual(new Set([caseOfA]));
    expect(await inbox.getByTestId('inbox-case').count()).toBe(1);
    expect(await inbox.innerText()).toContain('Houten');
    expect(await page.content()).not.toContain(caseOfB);
    expect(await page.locator('body').innerText()).not.toContain('Zeist');
    await checkAccessibility(page, 'inbox (expert A, nl)');
    await screenshot(page, 'inbox-expert-a-nl');
    await page.getByRole('button', { name: nl.app.switchLanguageLabel }).click();
    await page.getByRole('heading', { level: 1, name: en.inbox.title }).waitFor();
    await checkAccessibility(page, 'inbox (expert A, en)');
    await page.getByRole('button', { name: en.app.switchLanguageLabel }).click();

    for (const address of [`/ui/cases/${caseOfB}`, `/ui/audit/${caseOfB}`]) {
      await page.goto(address);
      await page.getByTestId('not-for-role').waitFor();
      expect(await page.locator('body').innerText()).not.toContain('Zeist');
    }
    // Behind the screens, the API answers for B's case as for a case that does not exist.
    await stack.as('expert', expertA).get(`/cases/${caseOfB}`).expect(404);
    expect(errors).toEqual([]);
  });

  it('gives an auditor no button that changes anything, on any screen an auditor reaches', async () => {
    const { stack, browser } = suite;
    const { page, errors } = await browser.newPage(stack.baseUrl);
    await signIn(page, 'auditor', 'a.visser', stack.token('auditor', 'a.visser'));

    await page.getByTestId('audit-list').waitFor();
    expect(await enabledButtonNames(page)).toEqual(HEADER_BUTTONS);

    await page.getByRole('link', { name: /Houten/ }).click();
    await page.getByTestId('audit-verify-result').waitFor({ timeout: 60_000 });
    expect((await enabledButtonNames(page)).sort()).toEqual([...HEADER_BUTTONS, ...AUDIT_CASE_BUTTONS].sort());
    // Nothing to fill in either: the only control that is not a button is the version slider.
    expect(await page.locator('form, textarea, select, input:not([type="range"])').count()).toBe(0);
    expect(await page.locator('input[type="range"]').count()).toBe(1);
    await screenshot(page, 'audit-case-auditor-controls');
    await page.getByRole('button', { name: nl.app.switchLanguageLabel }).click();
    await page.getByRole('heading', { level: 1, name: en.audit.caseTitle('Houten', en.category.CITIZEN_MEETING) }).waitFor();
    await checkAccessibility(page, 'audit case (en)');
    await page.getByRole('button', { name: en.app.switchLanguageLabel }).click();

    // The coordinator's screens at their own addresses show a refusal, not a disabled copy of their actions.
    for (const address of ['/ui/board', `/ui/cases/${caseOfA}`, '/ui/cases/new', '/ui/inbox']) {
      await page.goto(address);
      await page.getByTestId('not-for-role').waitFor();
      expect(await enabledButtonNames(page)).toEqual(HEADER_BUTTONS);
    }
    await checkAccessibility(page, 'not for role (auditor, nl)');
    expect(errors).toEqual([]);
  });
});
