import { CATALOGUE } from '../../src/i18n/catalogue/catalogue';
import { textKey, type ProblemCode, type RefusalCode } from '../../src/i18n/catalogue/codes';
import type { CatalogueLanguage } from '../../src/i18n/catalogue/languages';
import { problemParams, readableParams } from '../../src/i18n/catalogue/render-params';
import { fillText, findText, type TextParams } from '../../src/i18n/catalogue/render-text';

/** A refusal's text as the catalogue has it in a language (Dutch unless told), its placeholders filled, roles, stages and moments as read. */
export function refusalText(code: RefusalCode, params: TextParams = {}, language: CatalogueLanguage = 'nl'): string {
  return fillText(findText(CATALOGUE[language], textKey('refusals', code)) ?? code, readableParams(params, (key) => findText(CATALOGUE[language], key)));
}

/** A field problem's text as the catalogue has it in a language (Dutch unless told), naming the field by its label. */
export function problemText(field: string, found: { code: ProblemCode | string; params?: TextParams }, language: CatalogueLanguage = 'nl'): string {
  const params = problemParams(field, found.params ?? {}, (key) => findText(CATALOGUE[language], key));
  return fillText(findText(CATALOGUE[language], textKey('problems', found.code)) ?? found.code, params);
}
