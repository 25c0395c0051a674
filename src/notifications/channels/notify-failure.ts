import { DeliveryDeferred, DeliveryRejected } from '../notification-channels.port';
import { withoutContactDetails } from './contact-details';

/** What the Notify client throws: an HTTP client error with the API's answer, or a network error without one. */
interface NotifyHttpFailure {
  readonly code?: string;
  readonly message?: string;
  readonly response?: { readonly status?: number; readonly data?: unknown };
}

/** The documented error body of the Notify API. */
interface NotifyErrorBody {
  readonly errors?: ReadonlyArray<{ readonly error?: string; readonly message?: string }>;
}

const MAX_DETAIL_LENGTH = 300;

/**
 * Turns a failed Notify call into a rejection (400 a bad request, 403 a key Notify refuses, other 4xx) or a deferral
 * (429 a rate limit, 5xx, no answer or 408), with a message that carries none of `secrets` (the key, the recipient, the text).
 */
export function notifyFailure(error: unknown, secrets: readonly string[]): DeliveryRejected | DeliveryDeferred {
  const failure = (error ?? {}) as NotifyHttpFailure;
  const status = failure.response?.status;
  if (status === undefined) {
    const detail = redact(`${failure.code ?? 'error'}: ${failure.message ?? String(error)}`, secrets);
    return new DeliveryDeferred(`Notify could not be reached (${detail})`, 'notify_unavailable');
  }
  const detail = redact(errorsOf(failure.response?.data), secrets);
  if (status === 429) return new DeliveryDeferred(`Notify put the message off: ${detail}`, 'notify_429');
  if (status >= 500) return new DeliveryDeferred(`Notify failed with ${status}: ${detail}`, 'notify_5xx');
  // A proxy in between that gave up waiting: the same as no answer at all.
  if (status === 408) return new DeliveryDeferred(`Notify did not answer in time (${status})`, 'notify_unavailable');
  // A key Notify refuses stays refused; retrying only delays the escalation that gets someone to replace it.
  if (status === 403) return new DeliveryRejected(`Notify refused the API key: ${detail}`, 'notify_403');
  return new DeliveryRejected(`Notify refused the message with ${status}: ${detail}`, `notify_${status}`);
}

function errorsOf(data: unknown): string {
  const errors = (data as NotifyErrorBody | undefined)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return 'no error details';
  return errors.map((entry) => `${entry.error ?? 'Error'}: ${entry.message ?? ''}`).join('; ');
}

// Notify's messages name fields, not values, but a validation message may quote what it was given.
function redact(text: string, secrets: readonly string[]): string {
  const redacted = withoutContactDetails(secrets.filter((secret) => secret.length > 3).reduce((result, secret) => result.split(secret).join('…'), text));
  return redacted.length > MAX_DETAIL_LENGTH ? `${redacted.slice(0, MAX_DETAIL_LENGTH)}…` : redacted;
}
