import { readFile } from 'node:fs/promises';
import { en } from '../../src/ui/client/i18n/en';
import { nl } from '../../src/ui/client/i18n/nl';
import { recordPage } from '../support/browser-accessibility';
import { aRegisteredCase, aRequestBody, anAcceptedCase, anExpert, caseStateWhen, type PoolExpert } from '../support/browser-fixtures';
import { dayFirstDateTime } from '../support/browser-dates';
import { labelled } from '../support/browser-locators';
import { DEMO_EMAIL, DEMO_NAME, signIn } from '../support/browser-sign-in';
import { useBrowserSuite } from '../support/browser-suite';
import { problemText } from '../support/catalogue-texts';

describe('a case through the screens of its coordinator, its expert and an auditor', () => {
  const suite = useBrowserSuite('ui-flow');
  let expert: PoolExpert;
  /** An incident no expert covers: its matching escalates. */
  let unmatched: string;

  beforeAll(async () => {
    // The only expert who covers citizen meetings, so matching offers the case to her.
    expert = await anExpert(suite.stack, 'Anouk de Vries', 'CITIZEN_MEETING');
    // Other work on the board, as a coordinator would find it: a threat still to be triaged, a request waiting with a
    // large meeting ahead, and an incident that no expert in the pool covers, so that its matching escalates.
    const { stack } = suite;
    await aRegisteredCase(stack, aRequestBody('THREAT_TO_OFFICIAL', 'Súdwest-Fryslân', {
      safetyRegion: 'fryslan', requesterRole: 'alderman', indicators: { threatsReceived: true, officeHolderPersonallyTargeted: true },
    }));
    await aRegisteredCase(stack, aRequestBody('SHELTER_SUPPORT', 'Zwolle', {
      safetyRegion: 'ijsselland', indicators: { expectedAttendance: 400, mediaAttention: 'local' },
    }));
    unmatched = await anAcceptedCase(stack, 'INCIDENT', 'Tilburg', {
      safetyRegion: 'midden-en-west-brabant', indicators: { onlineAgitation: true, priorIncidents: 2, mediaAttention: 'national' },
    });
  });

  it('shows the sign-in page in Dutch, accessible', async () => {
    const { stack, browser } = suite;
    const { page, errors } = await browser.newPage(stack.baseUrl);
    await page.goto('/ui/');
    await page.getByRole('heading', { level: 1, name: nl.signIn.title }).waitFor();

    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await recordPage(page, 'sign-in-nl', 'sign-in (nl)');
    expect(errors).toEqual([]);
  });

  it('takes a request from the form to a verified case, with the coordinator\'s page following along without a reload', async () => {
    const { stack, browser } = suite;
    // The coordinator registers the request through the form, after the form has turned away an empty one.
    const coordinator = await browser.newPage(stack.baseUrl);
    const coordinatorPage = coordinator.page;
    await signIn(coordinatorPage, 'coordinator', DEMO_EMAIL.coordinator);
    await coordinatorPage.getByRole('link', { name: nl.newCase.nav, exact: true }).first().click();
    await coordinatorPage.getByRole('heading', { level: 1, name: nl.newCase.title }).waitFor();
    await coordinatorPage.getByRole('button', { name: nl.newCase.submit }).click();
    await coordinatorPage.getByTestId('error-summary').waitFor();
    // One message per problem, in Dutch, naming the field by its label: "Gemeente is verplicht." and nothing else about it.
    const summary = await coordinatorPage.getByTestId('error-summary').innerText();
    expect(summary).toContain(problemText('municipalityCode', { code: 'required' }));
    expect(summary).not.toContain('municipality');
    await recordPage(coordinatorPage, 'new-request-errors-nl', 'new request with validation errors (nl)');

    await labelled(coordinatorPage, nl.newCase.category).selectOption('CITIZEN_MEETING');
    await labelled(coordinatorPage, nl.newCase.municipality).fill('Houten');
    await labelled(coordinatorPage, nl.newCase.requesterRole).selectOption('alderman');
    await labelled(coordinatorPage, nl.newCase.description).fill('Informatieavond over tijdelijke opvang in het dorpshuis');
    await labelled(coordinatorPage, nl.newCase.eventDate).fill(dayFirstDateTime(new Date(Date.now() + 10 * 24 * 3600_000)));
    await coordinatorPage.getByRole('button', { name: nl.newCase.submit }).click();
    await coordinatorPage.waitForURL(/\/ui\/cases\/[0-9a-f-]{36}$/);
    const caseId = coordinatorPage.url().split('/').at(-1)!;

    // Triage on the case page; from here on the page stays open and must follow the case by itself.
    const stage = coordinatorPage.getByTestId('case-stage');
    await coordinatorPage.locator('[data-testid="case-stage"][data-stage="Triage"]').waitFor();
    await coordinatorPage.getByLabel(nl.casePage.triageAccept, { exact: true }).check();
    await coordinatorPage.getByRole('button', { name: nl.casePage.triageSubmit }).click();
    await coordinatorPage.locator('[data-testid="case-stage"][data-stage="Matching"]').waitFor();
    let loads = 0;
    coordinatorPage.on('load', () => (loads += 1));
    await coordinatorPage.evaluate('window.__brigadeSamePage = "still the same document"');

    // The expert accepts the offer in her inbox, with the keyboard, and completes a task after one refused attempt.
    const expertBrowser = await browser.newPage(stack.baseUrl);
    const inbox = expertBrowser.page;
    await signIn(inbox, 'expert', expert.email);
    const offer = inbox.locator(`[data-testid="inbox-offer"][data-case-id="${caseId}"]`);
    await offer.waitFor({ timeout: 30_000 });
    await recordPage(inbox, 'inbox-offer-nl', 'inbox with an offer (nl)');
    await offer.getByRole('button', { name: nl.inbox.accept }).focus();
    await inbox.keyboard.press('Enter');
    const firstTask = inbox.locator(`[data-testid="inbox-task"][data-case-id="${caseId}"]`).first();
    await firstTask.waitFor({ timeout: 30_000 });
    const taskTitle = await firstTask.getByRole('heading').innerText();
    await firstTask.getByRole('button', { name: nl.inbox.completeTask }).click();
    const refusal = firstTask.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(problemText('outcome', { code: 'required' }));
    await labelled(firstTask, nl.inbox.outcome).fill('Risicoanalyse met politie en gemeente besproken');
    await firstTask.getByRole('button', { name: nl.inbox.completeTask }).click();
    await inbox.getByTestId('inbox-tasks').getByRole('heading', { name: taskTitle, exact: true }).waitFor({ state: 'detached' });
    expect(await inbox.getByTestId('inbox-notice').innerText()).toBe(nl.inbox.taskCompleted(taskTitle));
    await recordPage(inbox, 'inbox-nl', 'inbox (nl)');
    expect(expertBrowser.errors).toEqual([]);

    // Meanwhile the coordinator's page moved on by itself: same document, no reload, new stage and the completed task.
    await coordinatorPage.locator('[data-testid="case-stage"][data-stage="Preparation"]').waitFor({ timeout: 30_000 });
    await coordinatorPage.locator('[data-testid="case-task"][data-status="completed"]').waitFor({ timeout: 30_000 });
    expect(await coordinatorPage.evaluate('window.__brigadeSamePage')).toBe('still the same document');
    expect(loads).toBe(0);
    expect(coordinatorPage.url()).toBe(`${stack.baseUrl}/ui/cases/${caseId}`);
    expect(await stage.innerText()).toContain(nl.stage.Preparation);
    await recordPage(coordinatorPage, 'case-nl', 'case page (nl)');

    // The board, in Dutch and in English, once the unmatched incident has escalated.
    await caseStateWhen(stack, unmatched, (s) => s.openEscalations.length > 0, 'the escalation of a failed match');
    await coordinatorPage.getByRole('link', { name: nl.board.nav, exact: true }).click();
    await coordinatorPage.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`).waitFor();
    expect(await coordinatorPage.getByTestId('case-row').count()).toBe(4);
    await recordPage(coordinatorPage, 'board-nl', 'board (nl)');
    await coordinatorPage.getByRole('button', { name: nl.app.switchLanguageLabel }).click();
    await coordinatorPage.getByRole('heading', { level: 1, name: en.board.title }).waitFor();
    expect(await coordinatorPage.getAttribute('html', 'lang')).toBe('en');
    await recordPage(coordinatorPage, 'board-en', 'board (en)');
    await coordinatorPage.getByRole('button', { name: en.app.switchLanguageLabel }).click();
    await coordinatorPage.getByRole('heading', { level: 1, name: nl.board.title }).waitFor();
    expect(coordinator.errors).toEqual([]);

    // An auditor replays the case version by version and verifies it, then downloads its export.
    const auditor = await browser.newPage(stack.baseUrl);
    const audit = auditor.page;
    await signIn(audit, 'auditor', DEMO_EMAIL.auditor);
    await audit.locator(`tr[data-case-id="${caseId}"]`).waitFor();
    await recordPage(audit, 'audit-list-nl', 'audit list (nl)');
    await audit.locator(`tr[data-case-id="${caseId}"]`).getByRole('link').click();
    await audit.waitForURL(`**/ui/audit/${caseId}`);
    const verdict = audit.getByTestId('audit-verify-result');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.getAttribute('data-valid')).toBe('true');
    expect(await verdict.innerText()).toContain(nl.audit.verified);

    const events = (await stack.as('auditor', 'a.visser').get(`/cases/${caseId}/timeline`).expect(200)).body.events as Array<{ type: string; actor: unknown }>;
    // The coordinator who registered the case through the screens is recorded by the provider's subject and name.
    expect(events[0]).toMatchObject({ type: 'RequestReceived', actor: { role: 'coordinator', id: 'demo-coordinator', name: DEMO_NAME.coordinator, via: 'provider' } });
    await audit.getByText(`${DEMO_NAME.coordinator} (demo-coordinator)`).first().waitFor();
    const slider = audit.getByLabel(nl.audit.versionLabel, { exact: true });
    const versionText = audit.getByTestId('audit-version-text');
    const stateStage = audit.getByTestId('audit-state-stage');
    await slider.focus();
    await audit.keyboard.press('Home');
    await audit.locator('[data-testid="audit-state-view"][data-version="1"]').waitFor();
    expect(await versionText.innerText()).toContain(`Versie 1 van ${events.length}: ${nl.casePage.event.RequestReceived}`);
    expect(await stateStage.innerText()).toBe(nl.stage.Intake);
    await audit.keyboard.press('ArrowRight');
    await audit.keyboard.press('ArrowRight');
    await audit.locator('[data-testid="audit-state-view"][data-version="3"]').waitFor();
    expect(await versionText.innerText()).toContain(`Versie 3 van ${events.length}: ${nl.casePage.event.RequestAccepted}`);
    expect(await stateStage.innerText()).toBe(nl.stage.Matching);
    expect(await audit.locator('tr[aria-current="step"]').getAttribute('data-version')).toBe('3');
    await recordPage(audit, 'audit-case-nl', 'audit case (nl)');

    const [download] = await Promise.all([audit.waitForEvent('download'), audit.getByRole('button', { name: nl.audit.exportButton }).click()]);
    expect(download.suggestedFilename()).toBe(`case-${caseId}.audit.json`);
    const bundle = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(bundle).toMatchObject({ caseId, verification: { valid: true } });
    expect(bundle.events.map((event: { type: string }) => event.type)).toEqual(events.map((event) => event.type));
    expect(auditor.errors).toEqual([]);

    // What the screens showed is what the API says.
    await caseStateWhen(stack, caseId, (s) => s.stage === 'Preparation' && s.tasks.some((t) => t.status === 'completed'), 'the completed task');
  });
});
