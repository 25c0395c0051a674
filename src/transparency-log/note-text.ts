/** What is wrong with `text` as the text of a C2SP signed note, or undefined when nothing is. */
export function noteTextProblem(text: string): string | undefined {
  if (!text.endsWith('\n')) return 'does not end with a newline';
  const control = /[\u0000-\u0009\u000b-\u001f]/.exec(text);
  if (control) return `contains the control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}, and only newline is allowed`;
  // A lone surrogate has no UTF-8 encoding, so the signed bytes would not be the text.
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) return 'is not valid Unicode text';
  return undefined;
}
