/**
 * The longest free texts a case records, in characters: a short reason or note, and a longer account (an outcome, notes,
 * a summary). The API's validation and the workflow's decisions both hold texts to these.
 */
export const CASE_TEXT_LIMITS = { reason: 2000, account: 5000 } as const;

// An emoji's presentation selector (U+FE0E text, U+FE0F emoji) dresses the character before it rather than adding one.
const PRESENTATION_SELECTORS = /[^\uFE0E\uFE0F][\uFE0E\uFE0F]/g;

/**
 * A text's length as its limits count it: each code point once (an emoji is one character, not two UTF-16 units), and a
 * presentation selector together with the character it dresses. The API's validation and `decide` both count this way,
 * so a text the API lets through is never refused, or silently dropped, by the workflow.
 */
export function textLength(text: string): number {
  return [...text].length - (text.match(PRESENTATION_SELECTORS)?.length ?? 0);
}
