import { ApiError } from './api-error';
import { readDateTimeText } from './date-time-text';
import type { Messages } from './i18n/messages';

/**
 * What a date-time field sends: the instant its text names, or nothing for a blank optional field. Unreadable text, and
 * a blank required field, are refused as a problem with that field, named by its label in the reader's language, before
 * anything is sent: the API only sees RFC 3339, so its own refusal could not say what to type.
 */
export function dateTimeToSend(text: string, field: string, label: string, m: Messages, { required = false } = {}): string | undefined {
  const reading = readDateTimeText(text);
  if (reading.kind === 'instant') return reading.iso;
  if (reading.kind === 'empty' && !required) return undefined;
  const problem = reading.kind === 'empty' ? m.dateTimeInput.required(label) : m.dateTimeInput[reading.problem](label);
  throw new ApiError(400, 'invalid_input', problem, [{ field, problems: [problem] }]);
}
