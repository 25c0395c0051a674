import { CATALOGUE } from '../../../i18n/catalogue/catalogue';
import { textKey, type CodedText } from '../../../i18n/catalogue/codes';
import { problemParams, readableParams } from '../../../i18n/catalogue/render-params';
import { fillText, findText } from '../../../i18n/catalogue/render-text';
import type { Language } from './messages';

/**
 * A field problem's text in a language, from the server's own catalogue, naming the field by its label; undefined for a
 * code this build does not know (a newer server), so that the caller can keep the server's words.
 */
export function problemText(language: Language, field: string, found: CodedText): string | undefined {
  const text = findText(CATALOGUE[language], textKey('problems', found.code));
  return text === undefined ? undefined : fillText(text, problemParams(field, found.params, (key) => findText(CATALOGUE[language], key)));
}

/** A refusal's text in a language, a role, stage or moment in it as the reader reads it; undefined for a code this build does not know. */
export function refusalText(language: Language, reason: CodedText): string | undefined {
  const text = findText(CATALOGUE[language], textKey('refusals', reason.code));
  return text === undefined ? undefined : fillText(text, readableParams(reason.params, (key) => findText(CATALOGUE[language], key)));
}
