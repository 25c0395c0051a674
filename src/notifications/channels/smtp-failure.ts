import type { NodemailerError } from 'nodemailer';
import { DeliveryDeferred, DeliveryRejected } from '../notification-channels.port';
import { withoutContactDetails } from './contact-details';

/** Turns what nodemailer threw into a rejection (a 5xx answer, a bad envelope) or a deferral (4xx, no server, TLS trouble). */
export function smtpFailure(error: unknown): DeliveryRejected | DeliveryDeferred {
  const failure = (error ?? {}) as NodemailerError;
  const { responseCode, command } = failure;
  const detail = `${failure.code ?? 'error'}: ${withoutContactDetails(failure.message ?? String(error))}`;
  // Checked before the reply code: a server that does not know STARTTLS answers 500, yet a relay may get TLS back.
  if (failure.code === 'ETLS' || (responseCode === undefined && /\b(TLS|SSL|certificate)\b/i.test(failure.message ?? ''))) {
    return new DeliveryDeferred(`TLS with the SMTP server failed (${detail})`, 'smtp_tls');
  }
  const answer = `${command ? `to ${command} ` : ''}answered ${withoutContactDetails(failure.response ?? '')}`.trim();
  // 503 is "bad sequence of commands": it follows another failure in the same session and says nothing of the message itself.
  if (typeof responseCode === 'number' && responseCode >= 500 && responseCode !== 503) {
    return new DeliveryRejected(`the SMTP server refused the message: it ${answer}`, `smtp_${responseCode}`);
  }
  if (typeof responseCode === 'number' && responseCode >= 400) {
    return new DeliveryDeferred(`the SMTP server put the message off: it ${answer}`, `smtp_${responseCode}`);
  }
  // Credentials missing or not understood before any answer: a setting to fix, not a server to wait for.
  if (failure.code === 'EAUTH' || failure.code === 'ENOAUTH') return new DeliveryRejected(`signing in to the SMTP server failed (${detail})`, 'smtp_auth');
  // Nodemailer refused the envelope before the server saw it (an address it cannot write): another try sends the same.
  if (failure.code === 'EENVELOPE') return new DeliveryRejected(`the message's envelope is not valid (${detail})`, 'smtp_envelope');
  return new DeliveryDeferred(`the SMTP server could not be reached (${detail})`, 'smtp_unavailable');
}
