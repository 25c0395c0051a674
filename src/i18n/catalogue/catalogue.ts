import type { TextGroup } from './catalogue-shape';
import { fieldsEn } from './fields.en';
import { fieldsNl } from './fields.nl';
import { domainEn } from './domain.en';
import { domainNl } from './domain.nl';
import { labelsEn } from './labels.en';
import { labelsNl } from './labels.nl';
import type { CatalogueLanguage } from './languages';
import { problemsEn } from './problems.en';
import { problemsNl } from './problems.nl';
import { refusalsEn } from './refusals.en';
import { refusalsNl } from './refusals.nl';

/**
 * Every coded text, by language. Each namespace (problems, refusals, domain texts …) lives in its own pair of files and
 * is added here under its name.
 */
export const CATALOGUE: Readonly<Record<CatalogueLanguage, TextGroup>> = {
  nl: {
    problems: problemsNl,
    fields: fieldsNl,
    refusals: refusalsNl,
    domain: domainNl,
    labels: labelsNl,
  },
  en: {
    problems: problemsEn,
    fields: fieldsEn,
    refusals: refusalsEn,
    domain: domainEn,
    labels: labelsEn,
  },
};
