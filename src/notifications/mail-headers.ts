/** The header every e-mail of a delivery carries, naming its delivery key. */
export const BRIGADE_REFERENCE_HEADER = 'X-Brigade-Reference';

/** The value of a header in a raw message (the first of that name), unfolded and trimmed; undefined when absent. */
export function headerValue(raw: string, name: string): string | undefined {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  // A long value is folded onto indented lines (RFC 5322, section 2.2.3); nodemailer folds a delivery key that way.
  const lines = head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  const prefix = `${name.toLowerCase()}:`;
  const line = lines.find((candidate) => candidate.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).trim();
}
