import { randomUUID } from 'node:crypto';
import type { OutboxItem, OutboxMessage, OutboxPage } from '../../src/api-contracts/outbox.contract';
import { OutboxModule } from '../../src/outbox/outbox.module';
import { createApiApp, type ApiApp } from '../support/api-app';
import { problemText, refusalText } from '../support/catalogue-texts';
import { DeliveryLedgerRows } from '../support/delivery-ledger';
import { registerPoolExperts } from '../support/pool-experts';
import { ExpertMessageSealer } from '../../src/field-encryption/expert-message-sealer';
import { PostgresDeliveryLedger } from '../../src/notifications/postgres-delivery-ledger';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const INVITATION = [
  'BEGIN:VCALENDAR', 'METHOD:REQUEST', 'BEGIN:VTIMEZONE', 'TZID:Europe/Amsterdam', 'BEGIN:STANDARD', 'DTSTART:19701025T030000',
  'END:STANDARD', 'END:VTIMEZONE', 'BEGIN:VEVENT', 'UID:session-1@brigade.local', 'DTSTART;TZID=Europe/Amsterdam:20270115T190000',
  'SUMMARY:Voorbereidende sessie', 'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');

const at = (iso: string) => new Date(iso);
const pathOf = (deliveryKey: string) => `/outbox/${encodeURIComponent(deliveryKey)}`;

/** A received message as nodemailer writes one: the delivery key folded onto its own line, as long headers are. */
function rawMessage(messageId: string, deliveryKey: string): string {
  return [`X-Brigade-Reference:`, ` ${deliveryKey}`, 'From: Vliegende Brigade <brigade@brigade.local>', 'To: anouk.de.vries@vliegendebrigade.example',
    'Subject: Nieuw aanbod', `Message-ID: ${messageId}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '',
    'Er staat een aanbod voor u klaar.', ''].join('\r\n');
}

describe('the outbox', () => {
  let db: TestDatabase;
  let app: ApiApp;
  let ledger: DeliveryLedgerRows;
  const coordinator = () => app.as('coordinator', 'c.jansen');

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApp(db, { imports: [OutboxModule] });
    // Through the app's own login, which may only read and append, as the ledger's writer has it.
    ledger = new DeliveryLedgerRows((text, params) => db.dataSource.query(text, params));
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('who may read it', () => {
    const expertId = randomUUID();
    beforeAll(() => registerPoolExperts(db, expertId));

    const routes = [['the list', '/outbox'], ['a message', pathOf(`${randomUUID()}/1-offerMade-expert/email`)]];

    it.each(routes)('refuses %s without a token with 401', async (_route, path) => {
      await app.api().get(path).expect(401);
    });

    it.each(routes)('refuses %s to experts and auditors with 403', async (_route, path) => {
      const expert = await app.as('expert', expertId).get(path).expect(403);
      const auditor = await app.as('auditor', 'a.visser').get(path).expect(403);

      expect([expert.body.reason.code, auditor.body.reason.code]).toEqual(['role_not_allowed', 'role_not_allowed']);
    });
  });

  describe('GET /outbox', () => {
    it('lists the deliveries newest first, a page at a time, with the number on all pages', async () => {
      const caseId = randomUUID();
      const oldest = await ledger.delivery({ caseId, createdAt: at('2027-01-10T09:00:00Z') });
      const middle = await ledger.delivery({ caseId, createdAt: at('2027-01-10T10:00:00Z') });
      const newest = await ledger.delivery({ caseId, createdAt: at('2027-01-10T11:00:00Z') });

      const first = (await coordinator().get(`/outbox?caseId=${caseId}&pageSize=2`).expect(200)).body as OutboxPage;
      const second = (await coordinator().get(`/outbox?caseId=${caseId}&pageSize=2&page=2`).expect(200)).body as OutboxPage;
      const beyond = (await coordinator().get(`/outbox?caseId=${caseId}&pageSize=2&page=3`).expect(200)).body as OutboxPage;

      expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(first.items.map((item) => item.deliveryKey)).toEqual([newest, middle]);
      expect(second.items.map((item) => item.deliveryKey)).toEqual([oldest]);
      expect(beyond).toEqual({ items: [], total: 3, page: 3, pageSize: 2 });
    });

    it('shows who a message went to, on which channel and transport, and where it stands', async () => {
      const caseId = randomUUID();
      const key = await ledger.delivery({
        caseId, notificationId: '12-escalationRaised-role-dutyCoordinator', kind: 'escalationRaised', channel: 'sms', transport: 'gateway',
        recipient: { kind: 'role', id: 'dutyCoordinator', address: '+31612345678' }, language: 'en', createdAt: at('2027-01-11T08:00:00Z'),
      });

      const page = (await coordinator().get(`/outbox?caseId=${caseId}`).expect(200)).body as OutboxPage;

      expect(page.items).toEqual([{
        deliveryKey: key, caseId, notificationId: '12-escalationRaised-role-dutyCoordinator', kind: 'escalationRaised', channel: 'sms',
        transport: 'gateway', recipient: { kind: 'role', id: 'dutyCoordinator', address: '+31612345678' }, subject: null, language: 'en',
        createdAt: '2027-01-11T08:00:00.000Z', attemptCount: 0, lastErrorCode: null, status: 'pending', sentAt: null,
      } satisfies OutboxItem]);
    });

    it('derives each status from the attempts and the outcome the ledger recorded', async () => {
      const caseId = randomUUID();
      const untried = await ledger.delivery({ caseId, createdAt: at('2027-01-12T08:00:00Z') });
      const retrying = await ledger.delivery({ caseId, createdAt: at('2027-01-12T08:01:00Z') });
      await ledger.attempts(retrying, { startedAt: at('2027-01-12T08:01:01Z'), errorCode: 'smtp_451', error: 'try again later' });
      const sentSecondTime = await ledger.delivery({ caseId, createdAt: at('2027-01-12T08:02:00Z') });
      await ledger.attempts(sentSecondTime, { startedAt: at('2027-01-12T08:02:01Z'), errorCode: 'smtp_421', error: 'closing' }, { startedAt: at('2027-01-12T08:02:11Z') });
      await ledger.outcome(sentSecondTime, 'sent', { reference: '<a@brigade.local>', occurredAt: at('2027-01-12T08:02:12Z') });
      const failed = await ledger.delivery({ caseId, createdAt: at('2027-01-12T08:03:00Z') });
      await ledger.attempts(failed, { startedAt: at('2027-01-12T08:03:01Z'), errorCode: 'smtp_421' }, { startedAt: at('2027-01-12T08:03:11Z'), errorCode: 'smtp_550' });
      await ledger.outcome(failed, 'failed', { detail: 'mailbox unavailable', occurredAt: at('2027-01-12T08:03:12Z') });

      const page = (await coordinator().get(`/outbox?caseId=${caseId}`).expect(200)).body as OutboxPage;

      const byKey = new Map(page.items.map((item) => [item.deliveryKey, item]));
      expect([untried, retrying, sentSecondTime, failed].map((key) => {
        const { status, attemptCount, lastErrorCode, sentAt } = byKey.get(key)!;
        return { status, attemptCount, lastErrorCode, sentAt };
      })).toEqual([
        { status: 'pending', attemptCount: 0, lastErrorCode: null, sentAt: null },
        { status: 'pending', attemptCount: 1, lastErrorCode: 'smtp_451', sentAt: null },
        { status: 'sent', attemptCount: 2, lastErrorCode: 'smtp_421', sentAt: '2027-01-12T08:02:12.000Z' },
        { status: 'failed', attemptCount: 2, lastErrorCode: 'smtp_550', sentAt: null },
      ]);
    });

    it('counts a try the sender noted when it began and again when it failed as one try, with its error', async () => {
      const key = await ledger.delivery();
      const sender = new PostgresDeliveryLedger(db.dataSource, new ExpertMessageSealer(db.keyStore));
      for (const attempt of [1, 2, 3]) {
        await sender.attempted(key, attempt);
        await sender.attempted(key, attempt, { code: 'smtp_451', message: 'try again later' });
      }
      await sender.ended(key, { outcome: 'failed', detail: 'smtp_451' });
      const item = ((await coordinator().get('/outbox?status=failed').expect(200)).body as OutboxPage).items.find((i) => i.deliveryKey === key)!;
      expect(item).toMatchObject({ attemptCount: 3, lastErrorCode: 'smtp_451' });
      const detail = (await coordinator().get(`/outbox/${encodeURIComponent(key)}`).expect(200)).body as { attempts: Array<{ attempt: number; errorCode: string | null }> };
      expect(detail.attempts.map((a) => [a.attempt, a.errorCode])).toEqual([[1, 'smtp_451'], [2, 'smtp_451'], [3, 'smtp_451']]);
    });

    it('filters by status and by case, whatever the case of the case id', async () => {
      const caseId = randomUUID();
      const pending = await ledger.delivery({ caseId });
      const sent = await ledger.delivery({ caseId });
      await ledger.outcome(sent, 'sent', { reference: '<b@brigade.local>' });
      await ledger.delivery();

      const pendingOnly = (await coordinator().get(`/outbox?caseId=${caseId.toUpperCase()}&status=pending`).expect(200)).body as OutboxPage;
      const sentOnly = (await coordinator().get(`/outbox?caseId=${caseId}&status=sent`).expect(200)).body as OutboxPage;

      expect(pendingOnly.items.map((item) => item.deliveryKey)).toEqual([pending]);
      expect(sentOnly.items.map((item) => item.deliveryKey)).toEqual([sent]);
      expect([pendingOnly.total, sentOnly.total]).toEqual([1, 1]);
    });

    it.each([
      ['status=delivered', 'status', 'not_a_choice'],
      ['caseId=42', 'caseId', 'not_an_id'],
      ['pageSize=101', 'pageSize', 'too_large'],
    ])('refuses ?%s with 400 naming the field', async (query, field, code) => {
      const response = await coordinator().get(`/outbox?${query}`).expect(400);

      expect(response.body.fields).toEqual([expect.objectContaining({ field, issues: [expect.objectContaining({ code })] })]);
    });
  });

  describe('GET /outbox/:deliveryKey', () => {
    it('shows the message as sent, its calendar invitation, every try, and the copy received under its Message-ID', async () => {
      const caseId = randomUUID();
      const key = await ledger.delivery({ caseId, kind: 'sessionScheduled', subject: 'Voorbereidende sessie', body: 'Zet de sessie in uw agenda.', calendar: INVITATION });
      await ledger.attempts(key, { startedAt: at('2027-01-13T08:00:00Z'), errorCode: 'smtp_451', error: 'try again later' }, { startedAt: at('2027-01-13T08:00:10Z') });
      const messageId = `<${randomUUID()}@brigade.local>`;
      await ledger.outcome(key, 'sent', { reference: messageId, occurredAt: at('2027-01-13T08:00:11Z') });
      await ledger.received({ messageId, raw: rawMessage(messageId, key), subject: 'Voorbereidende sessie', receivedAt: at('2027-01-13T08:00:11Z') });

      const message = (await coordinator().get(pathOf(key)).expect(200)).body as OutboxMessage;

      expect(message).toMatchObject({
        deliveryKey: key, caseId, kind: 'sessionScheduled', subject: 'Voorbereidende sessie', body: 'Zet de sessie in uw agenda.',
        status: 'sent', attemptCount: 2, lastErrorCode: 'smtp_451', sentAt: '2027-01-13T08:00:11.000Z',
        calendar: { method: 'REQUEST', startsAt: '2027-01-15T19:00:00', timeZone: 'Europe/Amsterdam', raw: INVITATION },
        attempts: [
          { attempt: 1, startedAt: '2027-01-13T08:00:00.000Z', errorCode: 'smtp_451', error: 'try again later' },
          { attempt: 2, startedAt: '2027-01-13T08:00:10.000Z', errorCode: null, error: null },
        ],
        outcome: { outcome: 'sent', reference: messageId, detail: null, occurredAt: '2027-01-13T08:00:11.000Z' },
        receivedCopy: {
          messageId, receivedAt: '2027-01-13T08:00:11.000Z', envelopeFrom: 'brigade@brigade.local',
          envelopeTo: ['anouk.de.vries@vliegendebrigade.example'], subject: 'Voorbereidende sessie', raw: rawMessage(messageId, key),
        },
      });
    });

    it('finds the received copy by the Message-ID without its angle brackets too', async () => {
      const key = await ledger.delivery();
      const bare = `${randomUUID()}@brigade.local`;
      await ledger.outcome(key, 'sent', { reference: bare });
      await ledger.received({ messageId: `<${bare}>`, raw: rawMessage(`<${bare}>`, key) });

      const message = (await coordinator().get(pathOf(key)).expect(200)).body as OutboxMessage;

      expect(message.receivedCopy?.messageId).toBe(`<${bare}>`);
    });

    it('finds the copy of a message whose outcome is not recorded yet by the X-Brigade-Reference header that names it', async () => {
      const key = await ledger.delivery();
      await ledger.attempts(key, {});
      const messageId = `<${randomUUID()}@brigade.local>`;
      // Another message that merely mentions the key in its text is not its copy.
      await ledger.received({ messageId: `<${randomUUID()}@brigade.local>`, raw: `Subject: about\r\n\r\nsee ${key}\r\n` });
      await ledger.received({ messageId, raw: rawMessage(messageId, key) });

      const message = (await coordinator().get(pathOf(key)).expect(200)).body as OutboxMessage;

      expect(message).toMatchObject({ status: 'pending', outcome: null, receivedCopy: { messageId } });
    });

    it('has no received copy for a message another transport carried, nor a calendar when it had none', async () => {
      const key = await ledger.delivery({ transport: 'notify' });
      await ledger.outcome(key, 'sent', { reference: randomUUID() });

      const message = (await coordinator().get(pathOf(key)).expect(200)).body as OutboxMessage;

      expect(message).toMatchObject({ transport: 'notify', calendar: null, receivedCopy: null });
    });

    it('answers 404 with the error body for an unknown key, in Dutch unless English is asked for', async () => {
      const key = `${randomUUID()}/1-offerMade-expert/email`;

      const dutch = await coordinator().get(pathOf(key)).expect(404);
      const english = await coordinator().get(pathOf(key)).set('Accept-Language', 'en').expect(404);

      expect(dutch.body).toEqual({
        statusCode: 404, code: 'not_found', message: refusalText('delivery_not_found', { deliveryKey: key }),
        reason: { code: 'delivery_not_found', params: { deliveryKey: key } }, fields: [],
      });
      expect(english.body.message).toBe(refusalText('delivery_not_found', { deliveryKey: key }, 'en'));
    });

    it('takes the key as one URL-encoded path segment, and does not know it with its slashes bare', async () => {
      const key = await ledger.delivery();

      await coordinator().get(pathOf(key)).expect(200);
      const bare = await coordinator().get(`/outbox/${key}`).expect(404);

      expect(bare.body.code).toBe('not_found');
    });

    it('refuses a malformed key with 400 naming it', async () => {
      const response = await coordinator().get(pathOf('not-a-delivery-key')).expect(400);

      expect(response.body.fields).toEqual([{
        field: 'deliveryKey', problems: [problemText('deliveryKey', { code: 'not_an_id' })], issues: [expect.objectContaining({ code: 'not_an_id' })],
      }]);
    });
  });
});
