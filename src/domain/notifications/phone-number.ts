/** E.164: a plus, a country code that does not start with 0, and at most fifteen digits in all, written without spaces. */
export const E164_PATTERN = /^\+[1-9][0-9]{7,14}$/;

/** Whether a value is a phone number in E.164 form, such as +31612345678, as text message services take it. */
export function isE164PhoneNumber(value: unknown): value is string {
  return typeof value === 'string' && E164_PATTERN.test(value);
}
