import { simpleParser, type Attachment } from 'mailparser';
import { randomUUID } from 'node:crypto';
import type { ReceivedMail } from './embedded-mailbox.port';

/** The SMTP envelope of a received message: who the sending server named, not what the headers claim. */
export interface MailEnvelope {
  readonly from: string;
  readonly to: readonly string[];
}

/** Reads a received message into what the mailbox keeps: its Message-ID, subject, text and calendar invitation. */
export async function readReceivedMail(source: Buffer, envelope: MailEnvelope): Promise<ReceivedMail> {
  // Attachments are read only to find the calendar; nothing else of them is kept apart from the raw source.
  const parsed = await simpleParser(source, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  const calendar = parsed.attachments.find(isCalendar);
  return {
    // Without a Message-ID there is nothing to recognise a retry by, so each such message is kept as its own.
    messageId: parsed.messageId ?? `<${randomUUID()}@embedded.brigade.local>`,
    envelopeFrom: envelope.from,
    envelopeTo: envelope.to,
    subject: parsed.subject === undefined ? null : storable(parsed.subject),
    raw: storable(source.toString('utf8')),
    textBody: parsed.text === undefined ? null : storable(parsed.text),
    calendar: calendar ? storable(calendar.content.toString('utf8')) : null,
  };
}

// nodemailer sends an invitation as a `text/calendar` alternative and, when attached, as `application/ics`; both count.
function isCalendar(attachment: Attachment): boolean {
  const type = attachment.contentType.toLowerCase();
  return type === 'text/calendar' || type === 'application/ics' || (attachment.filename ?? '').toLowerCase().endsWith('.ics');
}

// PostgreSQL's text cannot hold a NUL character; a message carrying one must still be kept, not refused for ever.
function storable(text: string): string {
  return text.replace(/\u0000/g, '\uFFFD');
}
