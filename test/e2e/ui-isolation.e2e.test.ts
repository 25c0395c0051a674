import { en } from '../../src/ui/client/i18n/en';
import { nl } from '../../src/ui/client/i18n/nl';
import { screenshot } from '../support/browser';
import { checkAccessibility, recordPage } from '../support/browser-accessibility';
import { enabledButtonNames } from '../support/browser-controls';
import { anAcceptedCase, anExpert, caseStateWhen, type PoolExpert } from '../support/browser-fixtures';
import { labelled } from '../support/browser-locators';
import { eventually } from '../support/eventually';
import { DEMO_EMAIL, signIn } from '../support/browser-sign-in';
import { useBrowserSuite } from '../support/browser-suite';
import { refusalText } from '../support/catalogue-texts';

// The only buttons an auditor may press: the language switch and sign-out in the header, and on a case's audit page
// verify-again and the export download. Everything else an auditor reaches is a link (menu, case list, paging) or the
// version slider, which reads history and changes nothing.
const HEADER_BUTTONS = [nl.app.switchLanguageLabel, nl.app.signOut];
const AUDIT_CASE_BUTTONS = [nl.audit.verifyAgain, nl.audit.exportButton];

describe('what each role sees and does in the browser', () => {
  const suite = useBrowserSuite('ui-isolation');
  let expertA: PoolExpert;
  let expertB: PoolExpert;
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
    for (const [caseId, expertId] of [[caseOfA, expertA.id], [caseOfB, expertB.id]]) {
      const offered = await caseStateWhen(stack, caseId, (s) => s.openOffers.length > 0, 'an offer');
      expect(offered.openOffers.map((offer) => offer.expertId)).toEqual([expertId]);
      await stack.as('expert', expertId).post(`/cases/${caseId}/offers/${offered.openOffers[0].offerId}/accept`).send({}).expect(200);
      await caseStateWhen(stack, caseId, (s) => s.tasks.length > 0, 'the preparation tasks');
    }
  }, 60_000);

  it("never shows an expert another expert's case, in the inbox or at the case's own addresses", async () => {
    const { stack, browser } = suite;
    const { page, errors } = await browser.newPage(stack.baseUrl);
    await signIn(page, 'expert', expertA.email);

    const inbox = page.getByTestId('inbox-page');
    await inbox.getByTestId('inbox-task').first().waitFor();
    const shownCases = await inbox.locator('[data-case-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-case-id')));
    expect(new Set(shownCases)).toEqual(new Set([caseOfA]));
    expect(await inbox.getByTestId('inbox-case').count()).toBe(1);
    expect(await inbox.innerText()).toContain('Houten');
    expect(await page.content()).not.toContain(caseOfB);
    expect(await page.locator('body').innerText()).not.toContain('Zeist');
    await recordPage(page, 'inbox-expert-a-nl', 'inbox (expert A, nl)');
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
    await stack.as('expert', expertA.id).get(`/cases/${caseOfB}`).expect(404);
    expect(errors).toEqual([]);
  });

  it('gives an auditor no button that changes anything, on any screen an auditor reaches', async () => {
    const { stack, browser } = suite;
    const { page, errors } = await browser.newPage(stack.baseUrl);
    await signIn(page, 'auditor', DEMO_EMAIL.auditor);

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

    // The other roles' screens at their own addresses show a refusal, not a disabled copy of their actions.
    for (const address of ['/ui/board', `/ui/cases/${caseOfA}`, '/ui/cases/new', '/ui/inbox']) {
      await page.goto(address);
      await page.getByTestId('not-for-role').waitFor();
      expect(await enabledButtonNames(page)).toEqual(HEADER_BUTTONS);
    }
    await checkAccessibility(page, 'not for role (auditor, nl)');
    expect(errors).toEqual([]);
  });

  it('lets the lead record the session, the intervention and a follow-up from the inbox, showing the API\'s refusal in between', async () => {
    const { stack, browser } = suite;
    // The meeting is moments away, so the lead can report on it within the test.
    const eventDate = new Date(Date.now() + 20_000).toISOString();
    const caseId = await anAcceptedCase(stack, 'CITIZEN_MEETING', 'Bunnik', { eventDate });
    const offered = await caseStateWhen(stack, caseId, (s) => s.openOffers.length > 0, 'an offer');
    await stack.as('expert', expertA.id).post(`/cases/${caseId}/offers/${offered.openOffers[0].offerId}/accept`).send({}).expect(200);
    const { page, errors } = await browser.newPage(stack.baseUrl);
    await signIn(page, 'expert', expertA.email);
    const item = page.locator(`[data-testid="inbox-case"][data-case-id="${caseId}"]`);
    const notice = page.getByTestId('inbox-notice');

    await labelled(item, nl.inbox.sessionOutcomes).fill('Draaiboek en rolverdeling afgesproken');
    await item.getByRole('button', { name: nl.inbox.holdSessionSubmit }).click();
    await item.getByTestId('inbox-case-stage').getByText(nl.stage.Intervention, { exact: true }).waitFor();
    expect(await notice.innerText()).toBe(nl.inbox.sessionHeld);

    // Before the meeting the workflow refuses a report, and the inbox says why, beside the case.
    await item.getByLabel(nl.interventionOutcome.calm, { exact: true }).check();
    await labelled(item, nl.inbox.notes).fill('Rustig verlopen, ongeveer zestig bewoners');
    await item.getByRole('button', { name: nl.inbox.reportSubmit }).click();
    const refusal = item.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(refusalText('event_not_yet'));
    expect(await notice.count()).toBe(0);
    await screenshot(page, 'inbox-refusal-nl');

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(eventDate) - Date.now() + 500)));
    await item.getByRole('button', { name: nl.inbox.reportSubmit }).click();
    await item.getByTestId('inbox-case-stage').getByText(nl.stage.FollowUp, { exact: true }).waitFor();
    expect(await notice.innerText()).toBe(nl.inbox.reported);
    await labelled(item, nl.inbox.notes).fill('Geen nieuwe signalen');
    await item.getByRole('button', { name: nl.inbox.followUpSubmit }).click();
    await caseStateWhen(stack, caseId, (s) => s.followUps.filter((f) => f.status === 'completed').length === 1, 'one completed follow-up');
    await notice.getByText(nl.inbox.followUpDone).waitFor();
    // The next check-in asks afresh.
    await eventually(async () => ((await labelled(item, nl.inbox.notes).inputValue()) === '' ? true : undefined), 'an empty form for the next follow-up');
    await recordPage(page, 'inbox-follow-up-nl', 'inbox with a follow-up to record (nl)');
    const done = await caseStateWhen(stack, caseId, (s) => s.intervention !== null, 'the intervention');
    expect(done).toMatchObject({ stage: 'FollowUp', session: { outcomes: 'Draaiboek en rolverdeling afgesproken' }, intervention: { outcome: 'calm' } });
    expect(errors).toEqual([]);
  });
});
