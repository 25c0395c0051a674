import type { CaseState } from '../domain/case.state';
import type { CaseView } from '../api-contracts/cases.contract';

/** Whether a cases route answered with a case view (`GET /cases/:id`): the recorded and the live state. */
export function isCaseView(body: unknown): body is CaseView {
  return typeof body === 'object' && body !== null && 'recorded' in body && 'live' in body;
}

/** Whether a cases route answered with a case state, as each decision does. */
export function isCaseState(body: unknown): body is CaseState {
  return typeof body === 'object' && body !== null && 'stage' in body && Array.isArray((body as { team?: unknown }).team);
}
