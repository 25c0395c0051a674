import type { NewCaseEvent } from './case.events';
import { INVALID_INPUT, type CaseInputProblem, type CaseRefusalCode, type CaseRefusalDetail, type CaseRefusalParams } from './case-refusal-codes';

/** Why a decision was refused, in the four kinds a caller answers differently (409, 400, 403, 404). */
export type CaseRefusalKind = 'conflict' | 'invalidInput' | 'forbidden' | 'notFound';

/** A refused decision: its kind, a message for logs and older callers, and the coded detail callers answer in their language. */
export interface CaseRefusal {
  readonly kind: CaseRefusalKind;
  readonly message: string;
  readonly detail: CaseRefusalDetail;
}

/** What a decision comes to: the events to record (possibly none), or a refusal. */
export type CaseDecision =
  | { readonly outcome: 'accepted'; readonly events: NewCaseEvent[] }
  | { readonly outcome: 'refused'; readonly refusal: CaseRefusal };

/** A refusal because the case is not in a state that allows the decision. */
export function conflict(message: string, code: CaseRefusalCode, params: CaseRefusalParams = {}): CaseRefusal {
  return { kind: 'conflict', message, detail: { code, params } };
}

/** A refusal because the actor may not take the decision. */
export function forbidden(message: string, code: CaseRefusalCode, params: CaseRefusalParams = {}): CaseRefusal {
  return { kind: 'forbidden', message, detail: { code, params } };
}

/** A refusal because the offer, task, follow-up, escalation or expert the decision names is not on the case. */
export function notFound(message: string, code: CaseRefusalCode, params: CaseRefusalParams = {}): CaseRefusal {
  return { kind: 'notFound', message, detail: { code, params } };
}

/** A refusal because one field of the decision is malformed: the field by its API name, and what is wrong with it. */
export function invalid(message: string, field: string, problem: CaseInputProblem, params: CaseRefusalParams = {}): CaseRefusal {
  return { kind: 'invalidInput', message, detail: { code: INVALID_INPUT, params: {}, fields: [{ field, issues: [{ code: problem, params }] }] } };
}

/** Whether a value is a refusal rather than events. */
export function isRefusal(value: CaseRefusal | readonly NewCaseEvent[] | undefined): value is CaseRefusal {
  return value !== undefined && !Array.isArray(value);
}
