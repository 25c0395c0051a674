// Bidi controls (ALM, LRM, RLM, the embeddings and overrides, the isolates) reorder what a reader sees without
// changing what is stored, so a name could show as another name. Written as class text, without the "u" flag, so that
// an OpenAPI pattern can carry it too.
const BIDI_CONTROL_CLASS = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const BIDI_CONTROL = new RegExp(`[${BIDI_CONTROL_CLASS}]`);

// White space, every invisible format character (Unicode category Cf: zero-width characters, bidi controls, the word
// joiner, the BOM, the Mongolian vowel separator, the soft hyphen, tags), and the blank letters that fonts draw as
// nothing: the Hangul fillers and the braille blank.
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Whether text is empty to the eye: nothing left once white space and invisible characters are taken out. */
export function isBlankText(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/** Whether text holds a bidi control character, which names must not. */
export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/**
 * An ECMAScript pattern (no flags needed) that a person's name matches: something besides white space, and no bidi
 * control; for the OpenAPI schema, where a `\p{…}` class cannot be written.
 */
export const PERSON_NAME_PATTERN = `^[^${BIDI_CONTROL_CLASS}]*[^\\s${BIDI_CONTROL_CLASS}][^${BIDI_CONTROL_CLASS}]*$`;
