import { DEFAULT_LANGUAGE, type CatalogueLanguage } from './catalogue/languages';

/**
 * The catalogue language of a request, from its `Accept-Language` header: English when the header's first choice is
 * English (`en`, `en-GB` …), Dutch otherwise. Stands in until the i18n module resolves the language for every request.
 */
export function requestLanguage(acceptLanguage: string | undefined): CatalogueLanguage {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return /^en(-|;|$)/.test(first) ? 'en' : DEFAULT_LANGUAGE;
}
