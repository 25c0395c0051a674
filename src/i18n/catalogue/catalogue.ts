import type { TextGroup } from './catalogue-shape';
import type { CatalogueLanguage } from './languages';

/**
 * Every coded text, by language. Each namespace (problems, refusals, domain texts …) lives in its own pair of files and
 * is added here under its name.
 */
export const CATALOGUE: Readonly<Record<CatalogueLanguage, TextGroup>> = {
  nl: {},
  en: {},
};
