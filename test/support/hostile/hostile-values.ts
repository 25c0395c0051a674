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

/** Calendar dates that do not exist, and words that are no dates. */
export const INVALID_DATES: readonly string[] = [
  '2027-02-31', '2027-02-31T10:00:00Z', 'tomorrow', 'next tuesday', '2027-13-01T10:00:00Z', '2027-02-28T25:00:00Z',
  '2027-02-28 10:00', '31-12-2027', '1767225600', '',
];

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
