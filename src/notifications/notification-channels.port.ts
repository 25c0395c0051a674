/** One e-mail, rendered and addressed, ready for a channel. */
export interface OutgoingEmail {
  /** The delivery's idempotency key; a channel that can carry a reference (Notify) sends it, SMTP makes the Message-ID from it. */
  readonly reference: string;
  /** RFC 5322 Message-ID with angle brackets, the same on every retry of this delivery. */
  readonly messageId: string;
  readonly to: { readonly address: string; readonly name?: string };
  readonly language: 'nl' | 'en';
  /** The template's name, for Notify's template choice and the outbox. */
  readonly template: string;
  readonly subject: string;
  readonly text: string;
  /** An iCalendar object (`text/calendar`), attached as `invite.ics` with its method. */
  readonly calendar?: { readonly method: 'REQUEST' | 'CANCEL'; readonly content: string };
  /** Set when this e-mail carries a text message to an e-mail-to-SMS gateway, so SMTP marks it `X-Brigade-Channel: sms`. */
  readonly carries?: 'sms';
}

/** One text message, rendered and addressed, ready for a channel. */
export interface OutgoingSms {
  readonly reference: string;
  /** E.164, such as +31612345678. */
  readonly to: string;
  readonly language: 'nl' | 'en';
  readonly template: string;
  readonly text: string;
}

/** What a channel tells of a message it accepted: the id its service gave it (or our Message-ID). */
export interface ChannelReceipt {
  readonly reference: string;
}

/** Sends e-mail: an SMTP relay, or NotifyNL/GOV.UK Notify. */
export interface EmailChannel {
  readonly name: string;
  send(email: OutgoingEmail): Promise<ChannelReceipt>;
  /**
   * Looks up whether a message with this reference was already accepted, for a retry after a crash between the
   * service's acceptance and our record of it; null when the channel cannot tell (SMTP), undefined when not found.
   */
  findSent?(reference: string): Promise<ChannelReceipt | undefined>;
}

/** Sends text messages: NotifyNL/GOV.UK Notify, or an e-mail-to-SMS gateway. */
export interface SmsChannel {
  readonly name: string;
  send(sms: OutgoingSms): Promise<ChannelReceipt>;
  findSent?(reference: string): Promise<ChannelReceipt | undefined>;
}

/**
 * A channel's answer that retrying cannot change (a malformed address, a template the service does not know, a key
 * the service refuses): the delivery fails at once instead of after every retry.
 */
export class DeliveryRejected extends Error {
  constructor(
    message: string,
    /** A short code for the event and the outbox, such as `notify_400` or `smtp_550`. */
    readonly code: string,
  ) {
    super(message);
    this.name = 'DeliveryRejected';
  }
}

/** A channel's answer that a later try may not get (a server away, a rate limit, a 5xx): the activity retries. */
export class DeliveryDeferred extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'DeliveryDeferred';
  }
}

export const EMAIL_CHANNEL = Symbol('EMAIL_CHANNEL');
export const SMS_CHANNEL = Symbol('SMS_CHANNEL');
