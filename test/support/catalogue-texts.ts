import { CATALOGUE } from '../../src/i18n/catalogue/catalogue';
import { fieldLabelKey, textKey, type ProblemCode, type RefusalCode } from '../../src/i18n/catalogue/codes';
import type { CatalogueLanguage } from '../../src/i18n/catalogue/languages';
import { labelledParams } from '../../src/i18n/catalogue/render-params';
import { fillText, findText, type TextParams } from '../../src/i18n/catalogue/render-text';

/** A refusal's text as the catalogue has it in a language (Dutch unless told), its placeholders filled, roles and stages in words. */
export function refusalText(code: RefusalCode, params: TextParams = {}, language: CatalogueLanguage = 'nl'): string {
  return fillText(findText(CATALOGUE[language], textKey('refusals', code)) ?? code, labelledParams(params, (key) => findText(CATALOGUE[language], key)));
}

/** A field problem's text as the catalogue has it in a language (Dutch unless told), naming the field by its label. */
export function problemText(field: string, found: { code: ProblemCode | string; params?: TextParams }, language: CatalogueLanguage = 'nl'): string {
  const label = findText(CATALOGUE[language], fieldLabelKey(field)) ?? `"${field}"`;
  const params = labelledParams(found.params ?? {}, (key) => findText(CATALOGUE[language], key));
  return fillText(findText(CATALOGUE[language], textKey('problems', found.code)) ?? found.code, { ...params, field: label });
}
