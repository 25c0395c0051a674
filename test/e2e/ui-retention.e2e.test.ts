import { refusalText } from '../support/catalogue-texts';
import { checkAccessibility, recordPage } from '../support/browser-accessibility';
import { aRequestBody, aRegisteredCase, anExpert, caseStateWhen, SETUP_COORDINATOR } from '../support/browser-fixtures';
import { labelled } from '../support/browser-locators';
import { DEMO_EMAIL, signIn } from '../support/browser-sign-in';
import { useBrowserSuite } from '../support/browser-suite';
import { eventually } from '../support/eventually';
import { en } from '../../src/ui/client/i18n/en';
import { nl } from '../../src/ui/client/i18n/nl';

describe('erasing an expert who left the pool, through the retention screen, with four eyes', () => {
  const suite = useBrowserSuite('ui-retention');
  const expertName = 'Marit Vertrekkers';
  let caseId: string;
  let expertId: string;

  // A case the expert was on, cancelled and archived; the expert then leaves the pool.
  beforeAll(async () => {
    const { stack } = suite;
    const expert = await anExpert(stack, expertName, 'CITIZEN_MEETING');
    expertId = expert.id;
    caseId = await aRegisteredCase(stack, aRequestBody('CITIZEN_MEETING', 'Houten'));
    const setup = stack.as('coordinator', SETUP_COORDINATOR);
    await setup.post(`/cases/${caseId}/triage`).send({ decision: 'accept' }).expect(200);
    // Put on the team by hand, whoever the matching offers the case to.
    await setup.post(`/cases/${caseId}/assignments`).send({ expertId }).expect((response) => {
      if (response.status >= 300) throw new Error(`assigning answered ${response.status}: ${response.text}`);
    });
    await caseStateWhen(stack, caseId, (state) => state.team.some((member) => member.expertId === expertId), 'the expert on the team');
    await setup.post(`/cases/${caseId}/cancel`).send({ reason: 'de avond gaat niet door' }).expect(200);
    await eventually(async () => ((await stack.sql("SELECT 1 FROM case_events WHERE case_id = $1 AND type = 'HistoryArchived'", [caseId])).length > 0 || undefined), 'the case archived', 60_000);
    await setup.post(`/experts/${expertId}/deactivate`).send({}).expect(200);
  }, 120_000);

  it('registers the request, refuses its own requester, and once a second coordinator approves shows the name as vernietigd', async () => {
    const { stack, browser } = suite;
    const { page, errors } = await browser.newPage(stack.baseUrl);
    await signIn(page, 'coordinator', DEMO_EMAIL.coordinator);
    await page.goto(`/ui/cases/${caseId}`);
    await page.getByText(expertName).first().waitFor();

    await page.getByRole('navigation', { name: nl.app.mainNav }).getByRole('link', { name: nl.retention.nav }).click();
    await page.getByRole('heading', { level: 1, name: nl.retention.title }).waitFor();
    await page.getByLabel(nl.retention.kindExpert).check();
    await labelled(page, nl.retention.expertIdLabel).fill(expertId);
    await labelled(page, nl.retention.reasonLabel).selectOption('expert_left_pool');
    await page.getByRole('button', { name: nl.retention.submitRequest }).click();
    const row = page.getByTestId('erasure-request').filter({ hasText: expertId });
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('requested');
    await recordPage(page, 'retention-nl', 'retention (coordinator, nl)');

    // Four eyes: the requester's own approval is refused, in Dutch, and nothing changes.
    await row.getByRole('button', { name: nl.retention.approve }).click();
    const refusal = page.getByTestId('erasure-request-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(refusalText('erasure_own_request', { actorId: await subjectOfDemoCoordinator() }));
    expect(await row.getAttribute('data-state')).toBe('requested');

    const [request] = (await stack.as('auditor', 'a.check').get('/erasure-requests').expect(200)).body as Array<{ requestId: string; subject: { expertId?: string } }>;
    expect(request.subject.expertId).toBe(expertId);
    await stack.as('coordinator', 'c.tweede').post(`/erasure-requests/${request.requestId}/approve`).expect(200);
    await eventually(async () => ((await row.getAttribute('data-state')) === 'executed' || undefined), 'the request carried out', 30_000);
    expect(await row.innerText()).toContain(nl.retention.erasedIn(1));

    await page.goto(`/ui/cases/${caseId}`);
    await page.getByText(nl.sealedValues.destroyed).first().waitFor();
    expect(await page.locator('main').innerText()).not.toContain(expertName);
    await page.getByRole('button', { name: nl.app.switchLanguageLabel }).click();
    await page.getByText(en.sealedValues.destroyed).first().waitFor();
    await checkAccessibility(page, 'case with an erased expert (coordinator, en)');
    expect(errors).toEqual([]);

    async function subjectOfDemoCoordinator(): Promise<string> {
      const session = await page.evaluate(async () => (await fetch('/auth/session', { credentials: 'same-origin' })).json() as Promise<{ subject: string }>);
      return session.subject;
    }
  });
});
