import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseState } from '../src/domain/case.state';
import type { Actor } from '../src/domain/case.vocabulary';
import type { SupportRequest } from '../src/domain/support-request';

/** The input that starts a case workflow. */
export interface SupportCaseInput {
  readonly request: SupportRequest;
  readonly registeredBy: Actor;
}

/** How a case workflow ended. */
export interface SupportCaseOutcome {
  readonly caseId: string;
  readonly stage: CaseState['stage'];
  readonly version: number;
}

/** A coordinator's triage decision; a rejection must give its reason. */
export interface TriageDecision {
  readonly decision: 'accept' | 'reject';
  readonly reason?: string;
  readonly actor: Actor;
}

/** A coordinator's closure of an accepted case. */
export interface CloseCaseRequest {
  readonly summary?: string;
  readonly actor: Actor;
}

/** Failure types that update validators and handlers use, so callers can map them to answers. */
export const CASE_FAILURE = {
  /** The case is not in a stage that allows the request. */
  conflict: 'CaseConflict',
  /** The request itself is malformed. */
  invalidInput: 'CaseInvalidInput',
  /** The actor may not do this. */
  forbidden: 'CaseForbidden',
} as const;

/** Update: the coordinator accepts or rejects a request waiting in triage. */
export const triage = defineUpdate<CaseState, [TriageDecision]>('triage');

/** Update: the coordinator closes an accepted case. */
export const closeCase = defineUpdate<CaseState, [CloseCaseRequest]>('closeCase');

/** Query: the case's live state, as folded from the events this workflow has recorded. */
export const getCase = defineQuery<CaseState | null>('getCase');
