import { randomUUID } from 'node:crypto';

/** A delivery as the ledger's write side inserts it before the first send; the fields a test leaves out get plain values. */
export interface LedgerDelivery {
  readonly caseId?: string;
  readonly notificationId?: string;
  readonly kind?: string;
  readonly channel?: 'email' | 'sms';
  readonly transport?: string;
  readonly recipient?: { readonly kind: 'expert' | 'role' | 'partner'; readonly id: string; readonly address: string };
  readonly language?: 'nl' | 'en';
  readonly subject?: string | null;
  readonly body?: string;
  readonly calendar?: string | null;
  readonly createdAt?: Date;
}

/** One try, as the ledger records it: an error code and message when it failed. */
export interface LedgerAttempt {
  readonly startedAt?: Date;
  readonly errorCode?: string;
  readonly error?: string;
}

/** Runs one statement; the app's own login where a test wants the privileges production has. */
export type LedgerSql = (text: string, params: unknown[]) => Promise<unknown>;

/** Writes delivery rows and received mail as the ledger and the embedded SMTP server would, with the statements they use. */
export class DeliveryLedgerRows {
  constructor(private readonly sql: LedgerSql) {}

  /** Inserts a delivery and answers its key, `<caseId>/<notificationId>/<channel>`. */
  async delivery(delivery: LedgerDelivery = {}): Promise<string> {
    const caseId = delivery.caseId ?? randomUUID();
    const channel = delivery.channel ?? 'email';
    const notificationId = delivery.notificationId ?? `3-offerMade-expert-${randomUUID().slice(0, 8)}`;
    const key = `${caseId}/${notificationId}/${channel}`;
    const recipient = delivery.recipient ?? { kind: 'expert', id: randomUUID(), address: 'anouk.de.vries@vliegendebrigade.example' };
    await this.sql(
      `INSERT INTO notification_deliveries (delivery_key, case_id, notification_id, kind, channel, transport, recipient_kind, recipient_id,
         recipient_address, language, subject, body, calendar, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, coalesce($14, now()))`,
      [key, caseId, notificationId, delivery.kind ?? 'offerMade', channel, delivery.transport ?? 'embedded', recipient.kind, recipient.id,
        recipient.address, delivery.language ?? 'nl', delivery.subject === undefined ? (channel === 'sms' ? null : 'Nieuw aanbod') : delivery.subject,
        delivery.body ?? 'Er staat een aanbod voor u klaar.', delivery.calendar ?? null, delivery.createdAt ?? null],
    );
    return key;
  }

  /** Records tries of a delivery in the order given, numbered on from those it already has. */
  async attempts(deliveryKey: string, ...attempts: LedgerAttempt[]): Promise<void> {
    for (const attempt of attempts) {
      await this.sql(
        `INSERT INTO notification_attempts (delivery_key, attempt, started_at, error_code, error)
         SELECT $1, count(*) + 1, coalesce($2, now()), $3, $4 FROM notification_attempts WHERE delivery_key = $1`,
        [deliveryKey, attempt.startedAt ?? null, attempt.errorCode ?? null, attempt.error ?? null],
      );
    }
  }

  /** Records how a delivery ended. */
  async outcome(deliveryKey: string, outcome: 'sent' | 'failed', fields: { reference?: string; detail?: string; occurredAt?: Date } = {}): Promise<void> {
    await this.sql(
      'INSERT INTO notification_outcomes (delivery_key, outcome, reference, detail, occurred_at) VALUES ($1, $2, $3, $4, coalesce($5, now()))',
      [deliveryKey, outcome, fields.reference ?? null, fields.detail ?? null, fields.occurredAt ?? null],
    );
  }

  /** Keeps a received message in the embedded mailbox, as the SMTP server inside Brigade does. */
  async received(mail: { messageId: string; raw: string; to?: string; subject?: string | null; receivedAt?: Date }): Promise<void> {
    await this.sql(
      `INSERT INTO embedded_mailbox (message_id, envelope_from, envelope_to, subject, raw, text_body, received_at)
       VALUES ($1, 'brigade@brigade.local', $2, $3, $4, NULL, coalesce($5, now()))`,
      [mail.messageId, [mail.to ?? 'anouk.de.vries@vliegendebrigade.example'], mail.subject ?? null, mail.raw, mail.receivedAt ?? null],
    );
  }
}
