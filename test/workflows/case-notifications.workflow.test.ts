import { randomBytes } from 'node:crypto';
import ICAL from 'ical.js';
import type { StoredCaseEvent } from '../../src/event-store/event-store.port';
import { EmbeddedMailServer } from '../../src/notifications/embedded-mail-server';
import { ExpertMessageSealer } from '../../src/field-encryption/expert-message-sealer';
import { PostgresEmbeddedMailbox } from '../../src/notifications/postgres-embedded-mailbox';
import { MAILBOX_SCOPE, envelopeTexts } from '../../src/notifications/mailbox-sealing';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { cancelCase, scheduleSession } from '../../workflows/messages';
import { anExpertPool, startCase, type CaseDriver } from '../support/case-driver';
import { COORDINATOR } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { notificationSenderFor } from '../support/notification-stack';
import { NotifyApiServer } from '../support/notify-api-server';
import { RecordingSmtpServer } from '../support/recording-smtp-server';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

jest.setTimeout(120_000);

/** Settings of a worker that sends: quick retries, so that a test sees them all. */
const SENDING = {
  BRIGADE_MAIL_TRANSPORT: 'embedded', BRIGADE_SMS_TRANSPORT: 'gateway', BRIGADE_PUBLIC_URL: 'https://brigade.example.nl',
  BRIGADE_NOTIFICATION_ATTEMPTS: '4', BRIGADE_NOTIFICATION_RETRY_INITIAL: '1s', BRIGADE_NOTIFICATION_RETRY_MAX: '2s',
};

interface MailboxRow { message_id: string; envelope_to: string[]; subject: string; raw: string; text_body: string; calendar: string | null }

const sentEvents = (events: readonly StoredCaseEvent[]) => events.filter((e) => e.type === 'NotificationSent');

describe('a case reaches people over real SMTP, into the SMTP server that runs inside Brigade', () => {
  const canary = `canary${randomBytes(8).toString('hex')}`;
  let harness: WorkflowHarness;
  let mailServer: EmbeddedMailServer;
  let english: string;

  beforeAll(async () => {
    harness = await createWorkflowHarness({
      notificationSender: (db) => notificationSenderFor(db, SENDING, { host: '127.0.0.1', get port() { return mailServer.address.port; } }),
    });
    mailServer = new EmbeddedMailServer(loadBrigadeConfig({ BRIGADE_EMBEDDED_SMTP_PORT: '0' }), new PostgresEmbeddedMailbox(harness.db.dataSource, new ExpertMessageSealer(harness.db.keyStore)));
    await mailServer.onModuleInit();
    [, english] = await anExpertPool(harness, [{ phone: '+31612345601' }, { phone: '+31612345602' }]);
    await harness.db.sql("UPDATE experts SET notification_language = 'en' WHERE expert_id = $1", [english]);
  });
  afterAll(async () => {
    await mailServer?.onApplicationShutdown();
    await harness?.close();
  });

  const storedMailbox = () => harness.db.sql<MailboxRow>('SELECT message_id, envelope_to, subject, raw, text_body, calendar FROM embedded_mailbox ORDER BY received_at');
  // The copies of messages to experts are sealed under each expert's key; opened as the outbox opens them.
  const mailbox = async () => Promise.all((await storedMailbox()).map(async (row) => {
    const { raw, text_body, calendar, ...recipients } = await new ExpertMessageSealer(harness.db.keyStore)
      .open(MAILBOX_SCOPE, row.message_id, { raw: row.raw, text_body: row.text_body, calendar: row.calendar, ...envelopeTexts(row.envelope_to) });
    return { ...row, raw: raw!, text_body, calendar, envelope_to: row.envelope_to.map((_, index) => recipients[`envelope_to.${index}`]!) } as MailboxRow;
  }));
  const addressOf = async (expertId: string) => (await harness.db.sql<{ email: string }>('SELECT email FROM experts WHERE expert_id = $1', [expertId]))[0].email;

  it('sends the offers, the session invitation, its move and its cancellation, in each expert\'s language, and records each send without content', async () => {
    let sut!: CaseDriver;
    await harness.withWorker(async () => {
      sut = await startCase(harness, {
        category: 'SHELTER_SUPPORT', description: `${canary} description`,
        officeHolder: { name: `${canary} name`, office: `${canary} office`, details: `${canary} details` },
      });
      await sut.accept();
      const team = await sut.acceptOffersUntilTeamAssembled();
      const planned = await sut.waitFor((s) => s.session !== null, 'the session');
      const movedTo = new Date(Date.parse(planned.session!.scheduledAt) + 24 * 60 * 60 * 1000).toISOString();
      await sut.handle.executeUpdate(scheduleSession, { args: [{ scheduledAt: movedTo, actor: COORDINATOR }] });
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: `${canary} reason`, actor: COORDINATOR }] });
      await sut.handle.result();
      expect(team.team.length).toBeGreaterThan(0);
    });

    const events = await sut.events();
    const sent = sentEvents(events);
    const kinds = sent.map((e) => (e.data as { kind: string }).kind);
    expect(kinds).toEqual(expect.arrayContaining(['offerMade', 'sessionScheduled', 'sessionMoved', 'sessionCancelled', 'caseCancelled']));
    expect(events.filter((e) => e.type === 'NotificationFailed')).toEqual([]);
    // Every recorded send names a message the server kept, and every kept message was recorded once.
    const kept = await mailbox();
    expect(sent.map((e) => (e.data as { reference: string }).reference).sort()).toEqual(kept.map((m) => m.message_id).sort());
    // The event says who, how and under which reference; no address, subject or text.
    for (const event of sent) expect(Object.keys(event.data).sort()).toEqual(['channel', 'kind', 'notificationId', 'recipient', 'reference', 'transport']);

    const englishAddress = await addressOf(english);
    const offerToEnglish = kept.find((m) => m.envelope_to.includes(englishAddress) && m.subject.includes('offer'));
    expect(offerToEnglish?.text_body).toContain('Please let us know by');
    const dutchOffer = kept.find((m) => !m.envelope_to.includes(englishAddress) && m.subject.includes('aanbod'));
    expect(dutchOffer?.text_body).toContain('https://brigade.example.nl/ui/inbox');

    // One invitation per member: a request, its move (same UID, later sequence) and its cancellation.
    const invitations = kept.filter((m) => m.calendar && m.envelope_to.includes(englishAddress)).map((m) => ICAL.Component.fromString(m.calendar!));
    const methods = invitations.map((c) => c.getFirstPropertyValue('method'));
    expect(methods).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    const events3 = invitations.map((c) => c.getFirstSubcomponent('vevent')!);
    expect(new Set(events3.map((e) => e.getFirstPropertyValue('uid'))).size).toBe(1);
    const sequences = events3.map((e) => Number(e.getFirstPropertyValue('sequence')));
    expect(sequences[1]).toBeGreaterThan(sequences[0]);
    expect(sequences[2]).toBeGreaterThan(sequences[1]);

    // Nothing of the case's own words reaches any message, in any part.
    for (const message of kept) expect(message.raw).not.toContain(canary);
    // Stored, an expert's copy names them nowhere: their address and the greeting are sealed under their key.
    const stored = await storedMailbox();
    expect(stored.map((row) => [row.raw, ...row.envelope_to].join('\n')).join('\n')).not.toContain(englishAddress);
  });
});

describe('an SMTP relay that is away', () => {
  let harness: WorkflowHarness;
  let relay: RecordingSmtpServer | undefined;
  let relayPort = 0;

  /** A relay with settings for a worker that tries `attempts` times, a second or two apart. */
  async function harnessFor(attempts: number): Promise<WorkflowHarness> {
    const env = {
      ...SENDING, BRIGADE_MAIL_TRANSPORT: 'smtp', BRIGADE_SMS_TRANSPORT: 'off', BRIGADE_NOTIFICATION_ATTEMPTS: String(attempts),
      BRIGADE_SMTP_URL: `smtp://127.0.0.1:${relayPort}`,
    };
    return createWorkflowHarness({ notificationSender: (db) => notificationSenderFor(db, env) });
  }

  afterEach(async () => {
    await relay?.close();
    relay = undefined;
    await harness?.close();
  });

  it('for a while: the offer goes out once it is back, exactly once', async () => {
    // A port that was free a moment ago and now has nobody listening: the relay is down.
    const probe = await RecordingSmtpServer.start();
    relayPort = probe.port;
    await probe.close();
    harness = await harnessFor(30);
    await anExpertPool(harness, [{}]);
    await harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'CITIZEN_MEETING' });
      await sut.accept();
      await sut.waitFor((s) => s.openOffers.length > 0, 'the offer');
      // Wait until the sender has tried and failed at least twice.
      for (let tries = 0; ; tries++) {
        const [{ count }] = await harness.db.sql<{ count: string }>("SELECT count(*) FROM notification_attempts WHERE error_code IS NOT NULL");
        if (Number(count) >= 2) break;
        if (tries > 200) throw new Error('the sender never tried');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      relay = await RecordingSmtpServer.start({ port: relayPort });
      await eventually(async () => ((await sut.eventsOf('NotificationSent')).length === 1 || undefined), 'the offer recorded as sent', 60_000);
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'done', actor: COORDINATOR }] });
      await sut.handle.result();
      const sent = await sut.eventsOf('NotificationSent');
      const offer = sent.filter((e) => (e.data as { kind: string }).kind === 'offerMade');
      expect(offer).toHaveLength(1);
      const received = relay.received.filter((m) => m.parsed.messageId === (offer[0].data as { reference: string }).reference);
      expect(received).toHaveLength(1);
      expect(await sut.eventsOf('NotificationFailed')).toEqual([]);
    });
  });

  it('for good: the failure is recorded and the duty coordinator gets an escalation, raised once', async () => {
    const probe = await RecordingSmtpServer.start();
    relayPort = probe.port;
    await probe.close();
    harness = await harnessFor(3);
    await anExpertPool(harness, [{}]);
    await harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'CITIZEN_MEETING' });
      await sut.accept();
      const escalated = await sut.waitFor((s) => s.openEscalations.some((e) => e.trigger === 'notificationFailed'), 'the escalation about the message', 60_000);
      expect(escalated.failedNotifications).toBeGreaterThanOrEqual(1);
      // The escalation's own message to the duty coordinator fails too, and raises nothing more.
      await eventually(async () => ((await sut.eventsOf('NotificationFailed')).some((e) => (e.data as { kind: string }).kind === 'escalationRaised') || undefined), 'the escalation message failing', 60_000);
      const failed = await sut.eventsOf('NotificationFailed');
      expect(failed.map((e) => e.data)).toEqual(expect.arrayContaining([
        expect.objectContaining({ kind: 'offerMade', channel: 'email', code: 'smtp_unavailable', recipient: expect.objectContaining({ kind: 'expert' }) }),
        expect.objectContaining({ kind: 'escalationRaised', recipient: { kind: 'role', id: 'dutyCoordinator' } }),
      ]));
      expect((await sut.state()).openEscalations.filter((e) => e.trigger === 'notificationFailed')).toHaveLength(1);
      const [{ outcome }] = await harness.db.sql<{ outcome: string }>("SELECT outcome FROM notification_outcomes o JOIN notification_deliveries d USING (delivery_key) WHERE d.kind = 'offerMade'");
      expect(outcome).toBe('failed');
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'done', actor: COORDINATOR }] });
      await sut.handle.result();
    });
  });
});

describe('NotifyNL (the GOV.UK Notify API) for e-mail and text messages', () => {
  let notify: NotifyApiServer;
  let harness: WorkflowHarness;
  const critical = {
    category: 'THREAT_TO_OFFICIAL' as const,
    indicators: { threatsReceived: true, expectedAttendance: 0, priorIncidents: 3, mediaAttention: 'national' as const, onlineAgitation: true, officeHolderPersonallyTargeted: true },
  };

  beforeAll(async () => {
    notify = await NotifyApiServer.start();
    harness = await createWorkflowHarness({
      notificationSender: (db) => notificationSenderFor(db, {
        ...SENDING, BRIGADE_MAIL_TRANSPORT: 'notify', BRIGADE_SMS_TRANSPORT: 'notify', BRIGADE_NOTIFY_API_KEY: notify.apiKey, BRIGADE_NOTIFY_BASE_URL: notify.baseUrl,
        BRIGADE_NOTIFY_EMAIL_TEMPLATE_ID: notify.emailTemplateId, BRIGADE_NOTIFY_SMS_TEMPLATE_ID: notify.smsTemplateId,
      }),
    });
    await anExpertPool(harness, Array.from({ length: 4 }, (_, n) => ({ phone: `+3161234560${n}`, categories: ['THREAT_TO_OFFICIAL'] })));
  });
  afterAll(async () => {
    await harness?.close();
    await notify?.close();
  });

  it('sends a critical offer by e-mail and SMS; a rate limit is retried and the message goes once, under its reference', async () => {
    notify.failNext(1, 429);
    await harness.withWorker(async () => {
      const sut = await startCase(harness, critical);
      await sut.waitFor((s) => s.riskLevel === 'CRITICAL', 'the critical assessment');
      await sut.accept();
      const [offer] = (await sut.waitFor((s) => s.openOffers.length > 0, 'an offer')).openOffers;
      const sent = await eventually(async () => {
        const events = (await sut.eventsOf('NotificationSent')).filter((e) => (e.data as { notificationId: string }).notificationId.includes(`offerMade-expert-${offer.expertId}`));
        return events.length === 2 ? events : undefined;
      }, 'the offer sent by e-mail and SMS', 60_000);
      expect(sent.map((e) => (e.data as { channel: string }).channel).sort()).toEqual(['email', 'sms']);
      for (const event of sent) {
        const { reference, transport } = event.data as { reference: string; transport: string };
        expect(transport).toBe('notify');
        const stored = notify.sent.filter((n) => n.id === reference);
        expect(stored).toHaveLength(1);
        // Notify's own copy carries our delivery key as its reference, and no case details in its personalisation.
        expect(stored[0].reference).toContain(sut.handle.workflowId.replace(/^case-/, ''));
      }
      // The first request met the rate limit, and its delivery was tried again.
      const limited = await harness.db.sql("SELECT delivery_key FROM notification_attempts WHERE error_code = 'notify_429'");
      expect(limited).toHaveLength(1);
      const posts = notify.requests.filter((r) => r.method === 'POST' && r.body?.template_id);
      expect(posts.every((r) => r.claims?.iss === notify.serviceId)).toBe(true);
      expect(posts.filter((r) => r.path.endsWith('/sms')).every((r) => r.body?.template_id === notify.smsTemplateId && r.body?.phone_number)).toBe(true);
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'done', actor: COORDINATOR }] });
      await sut.handle.result();
    });
  });

  it('a refusal Notify answers with 400 is recorded as failed at once, without retries', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness, { ...critical, category: 'THREAT_TO_OFFICIAL' });
      await sut.waitFor((s) => s.stage === 'Triage', 'triage');
      const before = notify.requests.length;
      notify.failNext(100, 400);
      await sut.accept();
      const failed = await eventually(async () => {
        const events = await sut.eventsOf('NotificationFailed');
        return events.length >= 2 ? events : undefined;
      }, 'the offer failing', 60_000);
      expect(failed.map((e) => (e.data as { code: string }).code)).toEqual(expect.arrayContaining(['notify_400']));
      // One try per delivery: a 400 is not retried.
      const tries = await harness.db.sql<{ attempts: string }>(`
        SELECT count(DISTINCT a.attempt) AS attempts FROM notification_attempts a JOIN notification_outcomes o USING (delivery_key)
         WHERE o.outcome = 'failed' AND a.delivery_key LIKE $1 GROUP BY a.delivery_key`, [`${sut.handle.workflowId.replace(/^case-/, '')}/%`]);
      expect(tries.length).toBeGreaterThanOrEqual(2);
      expect(tries.every((t) => Number(t.attempts) === 1)).toBe(true);
      expect(notify.requests.length).toBeGreaterThan(before);
      notify.clearFailures();
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'done', actor: COORDINATOR }] });
      await sut.handle.result();
    });
  });
});
