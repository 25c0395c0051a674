import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { en } from '../../src/ui/client/i18n/en';
import { nl } from '../../src/ui/client/i18n/nl';
import { checkAccessibility, recordPage } from '../support/browser-accessibility';
import { aRegisteredCase, aRequestBody } from '../support/browser-fixtures';
import { labelled } from '../support/browser-locators';
import { DEMO_EMAIL, signIn } from '../support/browser-sign-in';
import { useBrowserSuite } from '../support/browser-suite';
import { DeliveryLedgerRows } from '../support/delivery-ledger';
import { eventually } from '../support/eventually';

const INVITATION = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Brigade//test//NL', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'UID:session-1@brigade.local',
  'DTSTAMP:20270101T090000Z', 'DTSTART:20270115T180000Z', 'SUMMARY:Voorbereidende sessie', 'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');
const SUBJECT = 'Voorbereidende sessie gepland';
const BODY = 'De voorbereidende sessie staat gepland.\nZet de uitnodiging in uw agenda: http://127.0.0.1:3000/ui/inbox';

describe("the coordinators' outbox in the browser", () => {
  const suite = useBrowserSuite('ui-outbox');
  let caseId: string;
  let sessionKey: string;
  let smsKey: string;

  beforeAll(async () => {
    const { stack } = suite;
    caseId = await aRegisteredCase(stack, aRequestBody('CITIZEN_MEETING', 'Houten'));
    const ledger = new DeliveryLedgerRows(stack.sql);
    // Brigade says where its SMTP server listens once, at start-up; the test sends there as the SMTP channel does.
    const port = Number(await eventually(async () => /embedded SMTP server on 127\.0\.0\.1:(\d+)/.exec(stack.output())?.[1], 'the SMTP server'));

    sessionKey = await ledger.delivery({ caseId, kind: 'sessionScheduled', subject: SUBJECT, body: BODY, calendar: INVITATION });
    await ledger.attempts(sessionKey, { errorCode: 'smtp_421', error: 'the server closed the connection' });
    const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    const sent = await transport.sendMail({
      from: 'Vliegende Brigade <brigade@brigade.local>', to: 'anouk.de.vries@vliegendebrigade.example', subject: SUBJECT, text: BODY,
      messageId: `<${randomUUID()}@brigade.local>`, headers: { 'X-Brigade-Reference': sessionKey }, icalEvent: { method: 'REQUEST', content: INVITATION },
    });
    transport.close();
    await ledger.attempts(sessionKey, {});
    await ledger.outcome(sessionKey, 'sent', { reference: sent.messageId });

    smsKey = await ledger.delivery({
      caseId, kind: 'escalationRaised', channel: 'sms', transport: 'gateway', body: 'Vliegende Brigade: een escalatie wacht op u.',
      recipient: { kind: 'role', id: 'dutyCoordinator', address: '+31612345678' },
    });
    await ledger.attempts(smsKey, { errorCode: 'smtp_451', error: 'try again later' });
    // Another case's message, which the case's own view leaves out.
    await ledger.delivery();
  }, 90_000);

  it('lists the messages in the menu\'s outbox, filters them, and shows one as sent with its invitation, tries and received copy', async () => {
    const { stack, browser } = suite;
    const { page, errors } = await browser.newPage(stack.baseUrl);
    await signIn(page, 'coordinator', DEMO_EMAIL.coordinator);

    await page.getByRole('navigation', { name: nl.app.mainNav }).getByRole('link', { name: nl.outbox.nav }).click();
    await page.getByRole('heading', { level: 1, name: nl.outbox.title }).waitFor();
    const rows = page.getByTestId('outbox-row');
    await rows.first().waitFor();
    expect(await page.locator(`[data-delivery-key="${sessionKey}"]`).getAttribute('data-status')).toBe('sent');
    expect(await page.locator(`[data-delivery-key="${smsKey}"]`).innerText()).toContain(nl.outbox.lastError('smtp_451'));
    await recordPage(page, 'outbox-nl', 'outbox (coordinator, nl)');

    await labelled(page, nl.outbox.statusFilter).selectOption('pending');
    await page.waitForURL('**/ui/outbox?status=pending');
    await eventually(async () => ((await rows.evaluateAll((all) => all.every((row) => row.getAttribute('data-status') === 'pending'))) ? true : undefined), 'only pending rows');

    await page.goto(`/ui/cases/${caseId}`);
    await page.getByTestId('case-outbox-link').click();
    await page.getByTestId('outbox-case-filter').waitFor();
    await eventually(async () => ((await rows.count()) === 2 ? true : undefined), "the case's two messages");

    await page.getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    expect(page.url()).toContain(`/ui/outbox/${encodeURIComponent(sessionKey)}`);
    expect(await page.getByTestId('outbox-text').innerText()).toBe(BODY);
    expect(await page.getByTestId('outbox-calendar').innerText()).toContain(nl.outbox.calendarMethods.REQUEST);
    expect(await page.getByTestId('outbox-attempts').innerText()).toContain('smtp_421');
    const raw = page.getByTestId('outbox-raw');
    expect(await raw.isVisible()).toBe(false);
    // The raw source opens from the keyboard: its summary takes focus and Enter opens it.
    await page.getByTestId('outbox-received').getByText(nl.outbox.rawSource).focus();
    await page.keyboard.press('Enter');
    await raw.waitFor();
    expect(await raw.innerText()).toContain(`X-Brigade-Reference`);
    await recordPage(page, 'outbox-message-nl', 'outbox message (coordinator, nl)');

    await page.getByRole('button', { name: nl.app.switchLanguageLabel }).click();
    await page.getByRole('heading', { level: 2, name: en.outbox.receivedTitle }).waitFor();
    await checkAccessibility(page, 'outbox message (coordinator, en)');
    expect(errors).toEqual([]);
  });

  it('says so when a message does not exist', async () => {
    const { stack, browser } = suite;
    const { page } = await browser.newPage(stack.baseUrl);
    await signIn(page, 'coordinator', DEMO_EMAIL.coordinator);

    await page.goto(`/ui/outbox/${encodeURIComponent(`${randomUUID()}/1-offerMade-expert/email`)}`);

    await page.getByText(nl.outbox.notFound).waitFor();
  });
});
