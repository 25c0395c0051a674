const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes of standard, padded base64 text (RFC 4648 §4), or undefined when the text is anything else. */
export function decodeStrictBase64(text: string): Buffer | undefined {
  // Node's own decoder skips characters it does not know and accepts the URL alphabet, so different texts would
  // decode to one root or signature; a checked note must have exactly one spelling.
  if (!STANDARD_BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  // Unused bits in the last character must be zero, which only re-encoding reveals.
  return bytes.toString('base64') === text ? bytes : undefined;
}
