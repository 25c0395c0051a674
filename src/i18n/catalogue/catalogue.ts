import type { TextGroup } from './catalogue-shape';
import { domainEn } from './domain.en';
import { domainNl } from './domain.nl';
import type { CatalogueLanguage } from './languages';

/**
 * Every coded text, by language. Each namespace (problems, refusals, domain texts …) lives in its own pair of files and
 * is added here under its name.
 */
export const CATALOGUE: Readonly<Record<CatalogueLanguage, TextGroup>> = {
  nl: {
    domain: domainNl,
  },
  en: {
    domain: domainEn,
  },
};
