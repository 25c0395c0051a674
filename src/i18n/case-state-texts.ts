import type { CaseState } from '../domain/case.state';
import type { CatalogueLanguage } from './catalogue/languages';
import { withRenderedText } from './catalogue/render-domain-text';

/** The case state with every domain text (risk reasons, task titles, escalation reasons) also rendered in the language. */
export function withCaseStateTexts(state: CaseState, language: CatalogueLanguage): CaseState {
  return {
    ...state,
    riskReasons: state.riskReasons.map((reason) => withRenderedText(reason, language)),
    tasks: state.tasks.map((task) => ({ ...task, title: withRenderedText(task.title, language) })),
    openEscalations: state.openEscalations.map((escalation) => ({ ...escalation, reason: withRenderedText(escalation.reason, language) })),
  };
}
