import { CATALOGUE } from '../../../i18n/catalogue/catalogue';
import { fieldLabelKey, textKey, type CodedText } from '../../../i18n/catalogue/codes';
import { labelledParams } from '../../../i18n/catalogue/render-params';
import { fillText, findText } from '../../../i18n/catalogue/render-text';
import type { Language } from './messages';

/**
 * A field problem's text in a language, from the server's own catalogue, naming the field by its label; undefined for a
 * code this build does not know (a newer server), so that the caller can keep the server's words.
 */
export function problemText(language: Language, field: string, found: CodedText): string | undefined {
  const text = findText(CATALOGUE[language], textKey('problems', found.code));
  if (text === undefined) return undefined;
  const label = findText(CATALOGUE[language], fieldLabelKey(field)) ?? `"${field}"`;
  return fillText(text, { ...labelledParams(found.params, (key) => findText(CATALOGUE[language], key)), field: label });
}

/** A refusal's text in a language, a role or stage in it named in that language; undefined for a code this build does not know. */
export function refusalText(language: Language, reason: CodedText): string | undefined {
  const text = findText(CATALOGUE[language], textKey('refusals', reason.code));
  return text === undefined ? undefined : fillText(text, labelledParams(reason.params, (key) => findText(CATALOGUE[language], key)));
}
