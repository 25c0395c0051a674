import { randomUUID } from 'node:crypto';

/** SQL injection attempts; a parameterised query stores them as the text they are. */
export const SQL_INJECTIONS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE case_events; --",
  "1; SELECT pg_sleep(30); --",
  "x' UNION SELECT password FROM pg_shadow --",
  '" OR ""="',
  "admin'--",
];

/** Script and template injection attempts; a JSON API returns them as JSON strings, never as markup. */
export const SCRIPT_INJECTIONS: readonly string[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  'javascript:alert(1)',
  '{{constructor.constructor("return process")().exit()}}',
  '${process.exit(1)}',
];

/** Unusual but storable Unicode: right-to-left override, zero-width joiners, emoji, full-width letters. */
export const ODD_UNICODE: readonly string[] = ['gnp.\u202Eexe.txt', 'zero\u200Bwidth\u200Djoin', '😀👩‍👩‍👧', 'ｆｕｌｌｗｉｄｔｈ'];

/** Text PostgreSQL cannot store (a NUL character, a lone surrogate); it must be refused at the door, not in an activity. */
export const UNSTORABLE_TEXT: readonly string[] = ['before\u0000after', 'lone \uD800 surrogate'];

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/**
 * Everything but one RFC 3339 date-time with an offset between 2015 and two years from now: dates that do not exist,
 * other ISO 8601 forms, other spellings, times out of range, dates outside the window, and words that are no dates.
 */
export const INVALID_DATES: readonly string[] = [
  // Calendar dates and times that do not exist.
  '2027-02-31', '2027-02-31T10:00:00Z', '2026-02-30T10:00:00Z', '2027-02-29T10:00:00Z', '2027-13-01T10:00:00Z',
  '2027-02-28T25:00:00Z', '2027-03-01T24:00:00Z', '2027-03-01T23:60:00Z', '2027-03-01T23:59:60Z', '0000-01-01T00:00:00Z',
  // ISO 8601 forms other than the one: week dates, ordinal dates, a date alone, no offset, no seconds, a basic-format offset.
  '2026-W01', '2026-W01-1T10:00:00Z', '2026-032', '2026-032T10:00:00Z', '2027-03-01', '2027-03-01T10:00:00',
  '2027-03-01T10:00Z', '2027-03-01T10:00:00+0100', '20270301T100000Z',
  // RFC 3339 spellings Brigade does not take: a space or lower-case letters.
  '2027-03-01 10:00:00Z', '2027-03-01t10:00:00z', '2027-03-01T10:00:00z',
  // Outside the window: before 2015, or further ahead than two years.
  '2014-12-31T23:59:59Z', '1970-01-01T00:00:00Z', new Date(Date.now() + 3 * YEAR_MS).toISOString(), '9999-12-31T23:59:59Z',
  // No dates at all.
  'tomorrow', 'next tuesday', '2027-02-28 10:00', '31-12-2027', '1767225600', '',
];

/** Text that is empty to the eye: zero-width characters, bidi controls, invisible fillers; as blank as white space. */
export const INVISIBLE_TEXT: readonly string[] = [
  '\u200B\u200C\u200D', '\u2060\uFEFF\u180E', '\u202E\u2066\u2069\u200F\u061C', ' \u3164 \u2800 \u00AD ',
];

/** Names with bidi controls in them, which would show them in another order than they are stored and read. */
export const BIDI_NAMES: readonly string[] = ['Anouk \u202Eseirv ed', 'J. \u2066de Boer\u2069', '\u200FJan Smit'];

/**
 * Odd path segments, as written on the wire: traversal (plain, encoded, double-encoded, backslashes, overlong UTF-8),
 * null bytes, broken percent-encoding, Unicode, injection, CR/LF, a very long id; for a UUID parameter also UUIDs of
 * the wrong version and one nobody issued (a step id such as "offer-1-2" is a slug, for which those are well formed).
 */
export function oddPathSegments(uuid: boolean): string[] {
  return [
    '..', '.', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..%5C..%5Cwindows%5Cwin.ini', '%252e%252e%252f',
    '%C0%AE%C0%AE%2F', '%00', `${randomUUID()}%00`, `${randomUUID()}%00.json`, '%E0%A4%A', '%ZZ',
    encodeURIComponent('ｃａｓｅ-１'), encodeURIComponent('😀'), encodeURIComponent("1' OR '1'='1"),
    encodeURIComponent('1; DROP TABLE cases; --'), encodeURIComponent('<script>alert(1)</script>'),
    '%20', '%0D%0ASet-Cookie:%20x=1', '%7B%7D', '*', '~root', 'x'.repeat(3000), randomUUID().toUpperCase(),
    ...(uuid ? ['00000000-0000-0000-0000-000000000000', 'a7e1c5e0-4f2b-11ee-be56-0242ac120002', randomUUID()] : []),
  ];
}

/** Hostile values for a header that carries a key: too short, too long, injection, traversal, spaces, non-ASCII. */
export const ODD_HEADER_VALUES: readonly string[] = [
  'short', 'x'.repeat(201), 'x'.repeat(8000), "'; DROP TABLE cases; --", '<script>alert(1)</script>', '../../etc/passwd',
  'key with spaces', 'clé-clé-clé', '%00%00%00%00%00',
];
