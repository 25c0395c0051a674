import type { NotificationChannel, NotificationKind, NotificationLanguage, NotificationRecipient } from '../domain/notifications/notification-kinds';

/** A delivery as it was first rendered: every retry sends exactly this, to this address. */
export interface LedgerDelivery {
  readonly deliveryKey: string;
  readonly caseId: string;
  readonly notificationId: string;
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly transport: string;
  readonly recipient: NotificationRecipient;
  readonly recipientAddress: string;
  readonly language: NotificationLanguage;
  readonly subject: string | null;
  readonly body: string;
  readonly calendar: string | null;
}

/** How a delivery ended, once it has. */
export type LedgerOutcome = { readonly outcome: 'sent'; readonly reference: string } | { readonly outcome: 'failed'; readonly detail: string };

/**
 * The sender's memory of every delivery, kept outside Temporal: what was rendered, each attempt and how it ended, so
 * a retry after a crash finds the message already sent instead of sending it again. Rows are only ever added.
 */
export interface DeliveryLedger {
  /** The delivery kept under this key, if any. */
  find(deliveryKey: string): Promise<{ readonly delivery: LedgerDelivery; readonly outcome: LedgerOutcome | null; readonly attempts: number } | undefined>;
  /** Keeps a delivery the first time it is rendered; a second caller with the same key gets the first one back. */
  open(delivery: LedgerDelivery): Promise<LedgerDelivery>;
  /** Notes an attempt, and why it failed when it did. */
  attempted(deliveryKey: string, attempt: number, failure?: { readonly code: string; readonly message: string }): Promise<void>;
  /** Keeps how the delivery ended; the first outcome stands. */
  ended(deliveryKey: string, outcome: LedgerOutcome): Promise<void>;
}

export const DELIVERY_LEDGER = Symbol('DELIVERY_LEDGER');
