import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OutboxAttempt, OutboxItem, OutboxOutcome, ReceivedCopy } from '../api-contracts/outbox.contract';
import type { DeliveryStatus } from '../domain/notifications/delivery-status';
import { ExpertMessageSealer } from '../field-encryption/expert-message-sealer';
import { MAILBOX_SCOPE, envelopeTexts } from './mailbox-sealing';
import { BRIGADE_REFERENCE_HEADER, headerValue } from './mail-headers';
import type { OutboxDelivery, OutboxQuery, OutboxReader } from './outbox-reader.port';

// How many received messages that mention a delivery key are checked for the header naming it; a retried delivery
// has the same Message-ID and so one copy, and a key is a case's UUID and more, so more than a few is not expected.
const REFERENCE_CANDIDATES = 20;

interface DeliveryRow {
  delivery_key: string; case_id: string; notification_id: string; kind: string; channel: OutboxItem['channel']; transport: string;
  recipient_kind: OutboxItem['recipient']['kind']; recipient_id: string; recipient_address: string; language: OutboxItem['language'];
  subject: string | null; created_at: Date; attempt_count: string; last_error_code: string | null; status: DeliveryStatus; sent_at: Date | null;
}

interface MailboxRow {
  message_id: string; received_at: Date; envelope_from: string; envelope_to: string[]; subject: string | null; raw: string;
}

// The status comes from the outcome row alone: attempts without an outcome are a delivery still being retried.
const ITEM_COLUMNS = `
  d.delivery_key, d.case_id, d.notification_id, d.kind, d.channel, d.transport, d.recipient_kind, d.recipient_id,
  d.recipient_address, d.language, d.subject, d.created_at,
  coalesce(o.outcome, 'pending') AS status,
  CASE WHEN o.outcome = 'sent' THEN o.occurred_at END AS sent_at,
  (SELECT count(DISTINCT a.attempt) FROM notification_attempts a WHERE a.delivery_key = d.delivery_key) AS attempt_count,
  (SELECT a.error_code FROM notification_attempts a WHERE a.delivery_key = d.delivery_key AND a.error_code IS NOT NULL
    ORDER BY a.started_at DESC, a.attempt DESC LIMIT 1) AS last_error_code`;

const FILTER = `($1::uuid IS NULL OR d.case_id = $1::uuid) AND ($2::text IS NULL OR coalesce(o.outcome, 'pending') = $2::text)`;

/** The outbox read from PostgreSQL's delivery ledger (`notification_*`) and `embedded_mailbox`. */
@Injectable()
export class PostgresOutboxReader implements OutboxReader {
  constructor(private readonly dataSource: DataSource, private readonly sealer: ExpertMessageSealer) {}

  async page(query: OutboxQuery): Promise<{ items: OutboxItem[]; total: number }> {
    const filter = [query.caseId ?? null, query.status ?? null];
    const from = 'FROM notification_deliveries d LEFT JOIN notification_outcomes o ON o.delivery_key = d.delivery_key';
    const [counted] = await this.dataSource.query<Array<{ total: string }>>(`SELECT count(*) AS total ${from} WHERE ${FILTER}`, filter);
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `SELECT ${ITEM_COLUMNS} ${from} WHERE ${FILTER} ORDER BY d.created_at DESC, d.delivery_key LIMIT $3 OFFSET $4`,
      [...filter, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: await Promise.all(rows.map(async (row) => toItem(await this.opened(row)))), total: Number(counted.total) };
  }

  async find(deliveryKey: string): Promise<OutboxDelivery | undefined> {
    const [row] = await this.dataSource.query<Array<DeliveryRow & { body: string; calendar: string | null }>>(
      `SELECT ${ITEM_COLUMNS}, d.body, d.calendar
         FROM notification_deliveries d LEFT JOIN notification_outcomes o ON o.delivery_key = d.delivery_key
        WHERE d.delivery_key = $1`, [deliveryKey],
    );
    if (!row) return undefined;
    const opened = await this.opened(row);
    const attempts = await this.dataSource.query<Array<{ attempt: number; started_at: Date; error_code: string | null; error: string | null }>>(
      // The ledger notes a try when it starts and again when it fails; one row per try, with its error if it had one.
      `SELECT attempt, min(started_at) AS started_at, max(error_code) AS error_code, max(error) AS error
         FROM notification_attempts WHERE delivery_key = $1 GROUP BY attempt ORDER BY attempt`, [deliveryKey],
    );
    const [outcome] = await this.dataSource.query<Array<{ outcome: OutboxOutcome['outcome']; reference: string | null; detail: string | null; occurred_at: Date }>>(
      'SELECT outcome, reference, detail, occurred_at FROM notification_outcomes WHERE delivery_key = $1', [deliveryKey],
    );
    return {
      ...toItem(opened),
      body: opened.body,
      calendar: opened.calendar,
      attempts: attempts.map((attempt): OutboxAttempt => ({
        attempt: attempt.attempt, startedAt: attempt.started_at.toISOString(), errorCode: attempt.error_code, error: attempt.error,
      })),
      outcome: outcome
        ? { outcome: outcome.outcome, reference: outcome.reference, detail: outcome.detail, occurredAt: outcome.occurred_at.toISOString() }
        : null,
    };
  }

  async findReceivedCopy(deliveryKey: string, reference: string | null): Promise<ReceivedCopy | undefined> {
    const columns = 'message_id, received_at, envelope_from, envelope_to, subject, raw';
    if (reference) {
      // The mailbox keeps the Message-ID with its angle brackets; a channel may report it with or without them.
      const bare = reference.replace(/^<|>$/g, '');
      const [byId] = await this.dataSource.query<MailboxRow[]>(
        `SELECT ${columns} FROM embedded_mailbox WHERE message_id = ANY($1::text[]) ORDER BY received_at LIMIT 1`, [[bare, `<${bare}>`]],
      );
      if (byId) return toCopy(await this.openedCopy(byId));
    }
    // No index helps here: the embedded mailbox is the demo and test default's, small by nature, and this is one read.
    const candidates = await this.dataSource.query<MailboxRow[]>(
      `SELECT ${columns} FROM embedded_mailbox WHERE strpos(raw, $1) > 0 ORDER BY received_at LIMIT ${REFERENCE_CANDIDATES}`, [deliveryKey],
    );
    const named = candidates.find((row) => headerValue(row.raw, BRIGADE_REFERENCE_HEADER) === deliveryKey);
    return named ? toCopy(await this.openedCopy(named)) : undefined;
  }

  // An expert's address, greeting and invitation are sealed under their key: opened here, or read as destroyed.
  private async opened<R extends DeliveryRow & { body?: string; calendar?: string | null }>(row: R): Promise<R> {
    const texts = await this.sealer.open(row.case_id, row.delivery_key, { recipient_address: row.recipient_address, body: row.body ?? null, calendar: row.calendar ?? null });
    return { ...row, ...texts };
  }

  private async openedCopy(row: MailboxRow): Promise<MailboxRow> {
    const { raw, ...recipients } = await this.sealer.open(MAILBOX_SCOPE, row.message_id, { raw: row.raw, ...envelopeTexts(row.envelope_to) });
    return { ...row, raw: raw!, envelope_to: row.envelope_to.map((_, index) => recipients[`envelope_to.${index}`]!) };
  }
}

function toItem(row: DeliveryRow): OutboxItem {
  return {
    deliveryKey: row.delivery_key,
    caseId: row.case_id,
    notificationId: row.notification_id,
    kind: row.kind,
    channel: row.channel,
    transport: row.transport,
    recipient: { kind: row.recipient_kind, id: row.recipient_id, address: row.recipient_address },
    subject: row.subject,
    language: row.language,
    createdAt: row.created_at.toISOString(),
    attemptCount: Number(row.attempt_count),
    lastErrorCode: row.last_error_code,
    status: row.status,
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
  };
}

function toCopy(row: MailboxRow): ReceivedCopy {
  return {
    messageId: row.message_id, receivedAt: row.received_at.toISOString(), envelopeFrom: row.envelope_from,
    envelopeTo: row.envelope_to, subject: row.subject, raw: row.raw,
  };
}
