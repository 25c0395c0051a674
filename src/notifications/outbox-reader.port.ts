import type { OutboxAttempt, OutboxItem, OutboxOutcome, ReceivedCopy } from '../api-contracts/outbox.contract';
import type { DeliveryStatus } from '../domain/notifications/delivery-status';

/** Which page of the outbox to read, and what a delivery must match to be on it. */
export interface OutboxQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly caseId?: string;
  readonly status?: DeliveryStatus;
}

/** One delivery with everything the ledger holds of it. */
export interface OutboxDelivery extends OutboxItem {
  readonly body: string;
  /** The iCalendar object as sent, when the message carried an invitation. */
  readonly calendar: string | null;
  readonly attempts: readonly OutboxAttempt[];
  readonly outcome: OutboxOutcome | null;
}

/** Reads the delivery ledger and the embedded mailbox for the coordinators' outbox; it never writes. */
export interface OutboxReader {
  /** One page of deliveries, newest first, with how many match the query on all pages. */
  page(query: OutboxQuery): Promise<{ readonly items: readonly OutboxItem[]; readonly total: number }>;
  /** One delivery by its key; undefined when the ledger has none. */
  find(deliveryKey: string): Promise<OutboxDelivery | undefined>;
  /**
   * The copy the embedded SMTP server received of a delivery: the one whose Message-ID is the outcome's reference, or
   * else the one whose `X-Brigade-Reference` header names the delivery (sent, but its outcome not yet recorded).
   */
  findReceivedCopy(deliveryKey: string, reference: string | null): Promise<ReceivedCopy | undefined>;
}

/** Injection token for the outbox reader port. */
export const OUTBOX_READER = Symbol('OutboxReader');
