/** One message as the embedded SMTP server received it, ready to be kept for the outbox. */
export interface ReceivedMail {
  /** The Message-ID header with its angle brackets, or one made up for a message that had none. */
  readonly messageId: string;
  /** The envelope's MAIL FROM; empty for the null sender. */
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly subject: string | null;
  /** The whole message as it came over the wire, read as UTF-8. */
  readonly raw: string;
  readonly textBody: string | null;
  /** The iCalendar object of a `text/calendar` part or an `.ics` attachment, when the message has one. */
  readonly calendar: string | null;
}

/** The mailbox of the SMTP server that runs inside Brigade on the embedded default. */
export interface EmbeddedMailbox {
  /**
   * Keeps a message once and resolves only after it is committed; a message whose Message-ID is already kept (a retried
   * delivery) is not kept again. Answers whether this call kept it.
   */
  keep(mail: ReceivedMail): Promise<boolean>;
}

/** Injection token for the embedded mailbox port. */
export const EMBEDDED_MAILBOX = Symbol('EmbeddedMailbox');
