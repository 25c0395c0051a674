/** The languages Brigade speaks; Dutch is the default and the fallback. */
export const CATALOGUE_LANGUAGES = ['nl', 'en'] as const;
export type CatalogueLanguage = (typeof CATALOGUE_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: CatalogueLanguage = 'nl';
