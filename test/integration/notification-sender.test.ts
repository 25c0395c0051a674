import { randomUUID } from 'node:crypto';
import type { NotificationIntent } from '../../src/domain/notifications/notification-intent';
import { DeliveryRejected } from '../../src/notifications/notification-channels.port';
import { ExpertMessageSealer } from '../../src/field-encryption/expert-message-sealer';
import { PostgresOutboxReader } from '../../src/notifications/postgres-outbox-reader';
import { anExpertPool } from '../support/case-driver';
import { notificationSenderFor } from '../support/notification-stack';
import { RecordingSmtpServer } from '../support/recording-smtp-server';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

jest.setTimeout(60_000);

describe('the notification sender, on a real database and a real SMTP server', () => {
  let harness: WorkflowHarness;
  let relay: RecordingSmtpServer;
  let sender: ReturnType<typeof notificationSenderFor>;
  let outbox: PostgresOutboxReader;

  beforeAll(async () => {
    relay = await RecordingSmtpServer.start();
    harness = await createWorkflowHarness();
    sender = notificationSenderFor(harness.db, {
      BRIGADE_MAIL_TRANSPORT: 'smtp', BRIGADE_SMTP_URL: `smtp://127.0.0.1:${relay.port}`, BRIGADE_SMS_TRANSPORT: 'off', BRIGADE_PUBLIC_URL: 'https://brigade.example.nl',
    });
    outbox = new PostgresOutboxReader(harness.db.dataSource, new ExpertMessageSealer(harness.db.keyStore));
  });
  afterAll(async () => {
    await harness?.close();
    await relay?.close();
  });

  const intent = (change: Partial<NotificationIntent>): NotificationIntent => ({
    notificationId: `v${Math.floor(Math.random() * 1e6)}-offerMade-expert-x`, caseId: randomUUID(), kind: 'offerMade',
    recipient: { kind: 'expert', id: randomUUID() }, critical: false, dueAt: '2026-12-10T09:00:00.000Z', link: 'inbox', ...change,
  });

  it('sends a delivery once: a second try of the same key answers with the first receipt and sends nothing', async () => {
    const [expertId] = await anExpertPool(harness, [{}]);
    const plan = await sender.plan(intent({ recipient: { kind: 'expert', id: expertId } }), new Date().toISOString());
    expect(plan.deliveries).toHaveLength(1);
    const first = await sender.deliver(plan.deliveries[0], 1, false);
    const again = await sender.deliver(plan.deliveries[0], 2, false);
    expect(again).toEqual(first);
    expect(relay.received.filter((m) => m.parsed.messageId === first.reference)).toHaveLength(1);
  });

  // Found by the attack: these failed, were counted on the board, and were missing from the outbox.
  it('keeps a message it cannot write (an address no invitation can carry) as failed, so the outbox shows what the board counts', async () => {
    const [expertId] = await anExpertPool(harness, [{}]);
    await harness.db.sql(`UPDATE experts SET email = '"quoted part"@b.example' WHERE expert_id = $1`, [expertId]);
    const calendar = { method: 'REQUEST' as const, uid: 'session-x@brigade', sequence: 3, startsAt: '2026-12-10T09:00:00.000Z' };
    const plan = await sender.plan(intent({ kind: 'sessionScheduled', recipient: { kind: 'expert', id: expertId }, calendar }), new Date().toISOString());
    await expect(sender.deliver(plan.deliveries[0], 1, false)).rejects.toBeInstanceOf(DeliveryRejected);
    const kept = await outbox.find(plan.deliveries[0].deliveryKey);
    expect(kept).toMatchObject({ status: 'failed', lastErrorCode: 'render_failed', attemptCount: 1 });
  });

  it('keeps a partner without a contact point as a failed delivery too', async () => {
    const owed = intent({ kind: 'escalationClimbed', recipient: { kind: 'partner', id: 'NCTV' }, link: 'none', safetyRegion: 'zeeland', level: 3 });
    const plan = await sender.plan(owed, new Date().toISOString());
    expect(plan).toMatchObject({ deliveries: [], unreachable: { channel: 'email', code: 'no_contact' } });
    expect(await outbox.find(`${owed.caseId}/${owed.notificationId}/email`)).toMatchObject({ status: 'failed', lastErrorCode: 'no_contact' });
  });
});
