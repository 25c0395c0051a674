import { ApiError } from './api-error';
import { readDateTimeText } from './date-time-text';
import type { Messages } from './i18n/messages';

/**
 * Refuses a date-time field whose text names no instant, as a problem with that field in the reader's language, before
 * anything is sent: the API only sees RFC 3339, so its own refusal could not say what to type.
 */
export function refuseUnreadableDateTime(text: string, field: string, label: string, m: Messages): void {
  const reading = readDateTimeText(text);
  if (reading.kind !== 'unreadable') return;
  const problem = m.dateTimeInput[reading.problem](label);
  throw new ApiError(400, 'invalid_input', problem, [{ field, problems: [problem] }]);
}
