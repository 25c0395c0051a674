import { CONFLICT_OF_INTEREST_CODES } from './manual-assignment';

/**
 * Every refusal code the case workflow (and the API's own checks of a case) refuses a decision with. Each needs a text
 * in every language of the catalogue's `refusals` namespace, which a unit test holds it to; the union type makes a
 * refusal with an unknown code a compile error in the workflow.
 */
export const CASE_REFUSAL_CODES = [
  // Who may decide.
  'coordinator_only', 'lead_only', 'lead_or_coordinator_only', 'task_not_yours', 'offer_not_yours', 'expert_deactivated',
  'concern_experts_only',
  // Whether the case can take the decision now.
  'case_ended', 'case_needs_reconciliation', 'wrong_stage',
  // The team and matching.
  'team_complete', 'already_on_team', 'already_joining', 'not_on_team', 'already_lead', 'expert_unavailable',
  'offer_not_open', 'offer_conflict_of_interest', CONFLICT_OF_INTEREST_CODES.own_municipality, CONFLICT_OF_INTEREST_CODES.declared_conflict,
  // The stages' own decisions.
  'triage_decided', 'task_not_found', 'task_not_open', 'task_already_assigned', 'session_recording', 'session_not_scheduled',
  'intervention_reporting', 'event_not_yet', 'follow_up_not_found', 'follow_up_done', 'already_evaluated', 'case_closing',
  'evaluation_needed', 'escalations_open', 'escalation_not_open', 'risk_unchanged',
] as const;

/** The code of a refusal of a decision on a case. */
export type CaseRefusalCode = (typeof CASE_REFUSAL_CODES)[number];

/**
 * The problem codes (catalogue namespace `problems`) with which the workflow refuses a field of a decision that the
 * API's own validation let through or could not judge (a session after the case's event).
 */
export const CASE_INPUT_PROBLEMS = [
  'required', 'not_text', 'too_long', 'not_a_choice', 'not_yes_no', 'not_an_object', 'not_a_date_time', 'not_in_future', 'not_before_event',
] as const;

/** The code of a problem with one field of a decision on a case. */
export type CaseInputProblem = (typeof CASE_INPUT_PROBLEMS)[number];

/** A date-time in the one form Brigade accepts (RFC 3339 with an offset), for the `not_a_date_time` problem's example. */
export const DATE_TIME_EXAMPLE = '2027-03-01T19:00:00+01:00';

/** The parameters of a coded refusal or problem: each fills the placeholder of the same name. */
export type CaseRefusalParams = Readonly<Record<string, string | number>>;

/** The refusal code of refused input: its detail names the field and the problem instead. */
export const INVALID_INPUT = 'invalid_input';

/**
 * What a refusal of the case workflow carries as its first detail: the refusal's code and parameters, or, for refused
 * input, `invalid_input` with the field and its problem. The API answers it in the caller's language.
 */
export type CaseRefusalDetail =
  | { readonly code: CaseRefusalCode; readonly params: CaseRefusalParams }
  | {
    readonly code: typeof INVALID_INPUT;
    readonly params: CaseRefusalParams;
    readonly fields: readonly [{ readonly field: string; readonly issues: readonly [{ readonly code: CaseInputProblem; readonly params: CaseRefusalParams }] }];
  };
