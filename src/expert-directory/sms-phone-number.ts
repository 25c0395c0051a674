import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * An expert's phone number as text message services take it (E.164, +31612345678), or null when there is none. The pool
 * keeps numbers as typed, Dutch ones without a country code too; they were validated by the same library, read as Dutch.
 */
export function smsNumberOf(phone: string | null): string | null {
  if (phone === null || phone.trim() === '') return null;
  const parsed = parsePhoneNumberFromString(phone, 'NL');
  return parsed?.isValid() ? parsed.number : null;
}
