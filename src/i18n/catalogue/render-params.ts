import type { TextParams } from './render-text';

/**
 * Parameters that name something the catalogue has a word for, by parameter name, with the group its word is in: a
 * role, a stage of a case, a risk level. A list of them is one comma-separated value (`allowed: 'coordinator, expert'`).
 */
const LABELLED_PARAMS: Readonly<Record<string, string>> = {
  role: 'labels.role',
  allowed: 'labels.role',
  stage: 'labels.stage',
  stages: 'labels.stage',
  riskLevel: 'domain.riskLevel',
};

/**
 * A text's parameters with each role, stage and risk level put into the reader's words, which `label` finds by catalogue
 * key in their language; a value without a word (a role a newer release added) stays as it came.
 */
export function labelledParams(params: TextParams, label: (key: string) => string | undefined): TextParams {
  const labelled: Record<string, string | number> = { ...params };
  for (const [name, value] of Object.entries(params)) {
    const group = LABELLED_PARAMS[name];
    if (group === undefined || typeof value !== 'string') continue;
    labelled[name] = value.split(', ').map((part) => label(`${group}.${part}`) ?? part).join(', ');
  }
  return labelled;
}
