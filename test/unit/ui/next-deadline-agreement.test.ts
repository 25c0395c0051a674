import { toCaseListItem } from '../../../src/cases/case-list-item.mapper';
import { caseEvent, type NewCaseEvent } from '../../../src/domain/case.events';
import { foldCase, type CaseState } from '../../../src/domain/case.state';
import { SYSTEM_ACTOR } from '../../../src/domain/case.vocabulary';
import { nextDeadline } from '../../../src/domain/next-deadline';
import type { CaseProjectionRow } from '../../../src/database/case-projection.row';
import { toInboxCases } from '../../../src/expert-inbox/expert-inbox.mapper';
import { aSupportRequest, COORDINATOR, intakeAssessed, requestReceived } from '../../support/case-fixtures';
import { domainText } from '../../../src/domain/domain-text';

const ANOUK = { expertId: 'expert-anouk', name: 'Anouk de Vries' };

function aCase(...events: NewCaseEvent[]): CaseState {
  const request = aSupportRequest();
  const stream = [requestReceived(request), intakeAssessed(), ...events].map((event, index) => ({ ...event, caseId: request.caseId, version: index + 1 }));
  const state = foldCase(stream);
  if (!state) throw new Error('a case with events folds to a state');
  return state;
}

/** The board's row for the case, as `GET /cases` maps it from the read model. */
function boardRow(state: CaseState): CaseProjectionRow {
  return {
    caseId: state.caseId, version: 3, stage: state.stage, riskLevel: state.riskLevel, category: state.category, municipalityCode: 'GM0664',
    municipality: state.municipality, safetyRegion: state.safetyRegion, lastHash: 'x'.repeat(64),
    createdAt: new Date('2026-11-01T09:00:00Z'), updatedAt: new Date('2026-11-01T09:00:01Z'), state,
  };
}

// The case page folds the full state from `GET /cases/:id` and calls `nextDeadline` on it, as the board and inbox mappers do.
describe('the next deadline on the board, in the inbox and on the case page', () => {
  it('is the triage deadline for a case waiting for triage, on the board and on the case page alike', () => {
    const state = aCase();

    const onCasePage = nextDeadline(state);

    expect(state.stage).toBe('Triage');
    expect(onCasePage).toMatchObject({ kind: 'triage', id: state.caseId, at: state.triageDueAt });
    expect(toCaseListItem(boardRow(state)).nextDeadline).toStrictEqual(onCasePage);
  });

  it('is the open task due first for a case in preparation, on the board, in the inbox and on the case page alike', () => {
    const state = aCase(
      caseEvent('RequestAccepted', {}, COORDINATOR, '2026-11-01T10:00:00.000Z'),
      caseEvent('TeamAssembled', { members: [{ ...ANOUK, role: 'lead' }] }, SYSTEM_ACTOR, '2026-11-01T12:00:00.000Z'),
      caseEvent('TaskAssigned', { taskId: 'task-1', templateId: 'risk-analysis', title: domainText('task.risk_analysis'), assigneeId: ANOUK.expertId, dueAt: '2026-11-05T09:00:00.000Z' }, SYSTEM_ACTOR, '2026-11-02T09:00:00.000Z'),
    );

    const onCasePage = nextDeadline(state);

    expect(onCasePage).toStrictEqual({ at: '2026-11-05T09:00:00.000Z', kind: 'task', id: 'task-1' });
    expect(toCaseListItem(boardRow(state)).nextDeadline).toStrictEqual(onCasePage);
    expect(toInboxCases([state], ANOUK.expertId)[0].nextDeadline).toStrictEqual(onCasePage);
  });
});
