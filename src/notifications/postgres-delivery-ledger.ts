import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationRecipient } from '../domain/notifications/notification-kinds';
import { ExpertMessageSealer } from '../field-encryption/expert-message-sealer';
import type { DeliveryLedger, LedgerDelivery, LedgerOutcome } from './delivery-ledger.port';

interface DeliveryRow {
  delivery_key: string; case_id: string; notification_id: string; kind: LedgerDelivery['kind']; channel: LedgerDelivery['channel'];
  transport: string; recipient_kind: NotificationRecipient['kind']; recipient_id: string; recipient_address: string;
  language: LedgerDelivery['language']; subject: string | null; body: string; calendar: string | null;
  outcome: 'sent' | 'failed' | null; reference: string | null; detail: string | null; attempts: string;
}

/**
 * The delivery ledger in PostgreSQL: three append-only tables, deliveries, attempts and outcomes. What names or
 * reaches an expert (their address, the greeting, the invitation) is kept sealed under the expert's key.
 */
@Injectable()
export class PostgresDeliveryLedger implements DeliveryLedger {
  constructor(private readonly dataSource: DataSource, private readonly sealer: ExpertMessageSealer) {}

  async find(deliveryKey: string) {
    const [row] = await this.dataSource.query<DeliveryRow[]>(`
      SELECT d.*, o.outcome, o.reference, o.detail,
             (SELECT count(DISTINCT attempt) FROM notification_attempts a WHERE a.delivery_key = d.delivery_key) AS attempts
        FROM notification_deliveries d LEFT JOIN notification_outcomes o USING (delivery_key)
       WHERE d.delivery_key = $1`, [deliveryKey]);
    if (!row) return undefined;
    const outcome: LedgerOutcome | null = row.outcome === 'sent' ? { outcome: 'sent', reference: row.reference ?? '' }
      : row.outcome === 'failed' ? { outcome: 'failed', detail: row.detail ?? '' } : null;
    const opened = await this.sealer.open(row.case_id, row.delivery_key, { recipient_address: row.recipient_address, body: row.body, calendar: row.calendar });
    return { delivery: deliveryOf({ ...row, ...opened } as DeliveryRow), outcome, attempts: Number(row.attempts) };
  }

  async open(delivery: LedgerDelivery): Promise<LedgerDelivery> {
    const texts = { recipientAddress: delivery.recipientAddress, body: delivery.body, calendar: delivery.calendar };
    const kept = delivery.recipient.kind === 'expert'
      ? await this.sealer.seal(delivery.caseId, delivery.deliveryKey, delivery.recipient.id, { recipient_address: texts.recipientAddress, body: texts.body, calendar: texts.calendar })
      : { recipient_address: texts.recipientAddress, body: texts.body, calendar: texts.calendar };
    await this.dataSource.query(`
      INSERT INTO notification_deliveries (delivery_key, case_id, notification_id, kind, channel, transport, recipient_kind, recipient_id,
                                           recipient_address, language, subject, body, calendar)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
      ON CONFLICT (delivery_key) DO NOTHING`, [
      delivery.deliveryKey, delivery.caseId, delivery.notificationId, delivery.kind, delivery.channel, delivery.transport,
      delivery.recipient.kind, delivery.recipient.id, kept.recipient_address, delivery.language, delivery.subject, kept.body, kept.calendar,
    ]);
    return (await this.find(delivery.deliveryKey))!.delivery;
  }

  async attempted(deliveryKey: string, attempt: number, failure?: { code: string; message: string }): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO notification_attempts (delivery_key, attempt, error_code, error) VALUES ($1, $2, $3, $4)',
      [deliveryKey, attempt, failure?.code ?? null, failure ? failure.message.slice(0, 500) : null],
    );
  }

  async ended(deliveryKey: string, outcome: LedgerOutcome): Promise<void> {
    await this.dataSource.query(`
      INSERT INTO notification_outcomes (delivery_key, outcome, reference, detail) VALUES ($1, $2, $3, $4)
      ON CONFLICT (delivery_key) DO NOTHING`,
    [deliveryKey, outcome.outcome, outcome.outcome === 'sent' ? outcome.reference : null, outcome.outcome === 'failed' ? outcome.detail : null]);
  }
}

function deliveryOf(row: DeliveryRow): LedgerDelivery {
  return {
    deliveryKey: row.delivery_key, caseId: row.case_id, notificationId: row.notification_id, kind: row.kind, channel: row.channel,
    transport: row.transport, recipient: { kind: row.recipient_kind, id: row.recipient_id } as NotificationRecipient,
    recipientAddress: row.recipient_address, language: row.language, subject: row.subject, body: row.body, calendar: row.calendar,
  };
}
