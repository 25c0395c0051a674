import { requestLanguage } from '../i18n/request-language';
import { CATALOGUE_LANGUAGES, type CatalogueLanguage } from '../i18n/catalogue/languages';

/**
 * The language of a provider page: `?lang=` when the person chose one, else the first language of the client's
 * `ui_locales` Brigade speaks, else the browser's Accept-Language, else Dutch.
 */
export function pageLanguage(query: unknown, uiLocales: unknown, acceptLanguage: string | undefined): CatalogueLanguage {
  const chosen = CATALOGUE_LANGUAGES.find((language) => language === query);
  if (chosen) return chosen;
  const locales = typeof uiLocales === 'string' ? uiLocales.split(' ').map((tag) => tag.split('-')[0].toLowerCase()) : [];
  const asked = locales.map((tag) => CATALOGUE_LANGUAGES.find((language) => language === tag)).find((language) => language !== undefined);
  return asked ?? requestLanguage(acceptLanguage);
}

/** A path with `lang` set to the given language, the rest of its query kept. */
export function withLanguage(pathAndQuery: string, language: CatalogueLanguage): string {
  const url = new URL(pathAndQuery, 'http://provider.invalid');
  url.searchParams.set('lang', language);
  return `${url.pathname}${url.search}`;
}
