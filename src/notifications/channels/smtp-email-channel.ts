import { createTransport, type SMTPTransportOptions, type Transporter } from 'nodemailer';
import type { ChannelReceipt, EmailChannel, OutgoingEmail } from '../notification-channels.port';
import { smtpFailure } from './smtp-failure';

// Long enough for a slow relay's greeting, short enough that a dead one fails the attempt well before the activity's timeout.
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 15_000;

/** Sends e-mail through an SMTP server: a relay, or the loopback server inside Brigade on the embedded default. */
export class SmtpEmailChannel implements EmailChannel {
  readonly name = 'smtp';

  constructor(
    private readonly transport: Transporter,
    private readonly from: string,
  ) {}

  async send(email: OutgoingEmail): Promise<ChannelReceipt> {
    try {
      await this.transport.sendMail({
        from: this.from,
        // Nodemailer encodes names and folds header values, so a CR or LF in the subject or a name cannot start a header.
        to: { name: email.to.name ?? '', address: email.to.address },
        subject: email.subject,
        messageId: email.messageId,
        text: email.text,
        headers: {
          'Content-Language': email.language,
          'X-Brigade-Reference': email.reference,
          ...(email.carries ? { 'X-Brigade-Channel': email.carries } : {}),
        },
        // Nodemailer sends the event twice: as a text/calendar alternative with its method and as the attachment invite.ics.
        icalEvent: email.calendar ? { method: email.calendar.method, content: email.calendar.content, filename: 'invite.ics' } : undefined,
      });
    } catch (error) {
      throw smtpFailure(error);
    }
    return { reference: email.messageId };
  }
}

/** Builds an SMTP channel from a `smtp://` or `smtps://` URL with optional `user:password@`, for a relay or the embedded server. */
export function smtpEmailChannel(url: string, requireTls: boolean, from: string): SmtpEmailChannel {
  return new SmtpEmailChannel(createTransport(transportOptions(url, requireTls)), from);
}

function transportOptions(url: string, requireTls: boolean): SMTPTransportOptions {
  const parsed = new URL(url);
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new Error('the SMTP URL must start with smtp:// or smtps://');
  }
  const implicitTls = parsed.protocol === 'smtps:';
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port: parsed.port ? Number(parsed.port) : implicitTls ? 465 : 587,
    secure: implicitTls,
    requireTLS: !implicitTls && requireTls,
    // On loopback TLS protects nothing, and the embedded server's certificate could not be verified anyway.
    ignoreTLS: !implicitTls && !requireTls && isLoopback(host),
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    // Every part is a string we rendered; never let one be read as a file path or fetched as a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
