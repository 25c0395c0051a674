import type { CaseState } from '../../../src/domain/case.state';
import { domainText } from '../../../src/domain/domain-text';
import { ESCALATION_REASONS } from '../../../src/domain/escalation-reasons';
import type { CaseProjectionRow } from '../../../src/database/case-projection.row';
import { toCaseListItem } from '../../../src/cases/case-list-item.mapper';

const escalation = (escalationId: string) => ({
  escalationId, trigger: 'missedDeadline' as const, subject: 'task-1', reason: ESCALATION_REASONS.taskOverdue(domainText('task.risk_analysis')), level: 1, target: 'dutyCoordinator' as const,
  ackDeadline: '2026-12-01T10:00:00.000Z', raisedAt: '2026-11-30T10:00:00.000Z',
});

function aRow(state: Partial<CaseState>): CaseProjectionRow {
  return {
    caseId: 'c1', version: 7, stage: state.stage ?? 'Preparation', riskLevel: 'HIGH', category: 'INCIDENT', municipalityCode: 'GM0664', municipality: 'Goes',
    safetyRegion: 'zeeland', lastHash: 'x'.repeat(64), createdAt: new Date('2026-11-30T09:00:00Z'), updatedAt: new Date('2026-11-30T11:00:00Z'),
    state: { stage: 'Preparation', openOffers: [], tasks: [], openEscalations: [], followUps: [], ...state } as CaseState,
  };
}

describe('a case in the list', () => {
  it('counts the escalations nobody has acknowledged yet', () => {
    expect(toCaseListItem(aRow({ openEscalations: [escalation('esc-1'), escalation('esc-2')] })).openEscalations).toBe(2);
  });

  it('counts none once the case has ended, since nobody waits for them any more', () => {
    expect(toCaseListItem(aRow({ stage: 'Cancelled', openEscalations: [escalation('esc-1')] })).openEscalations).toBe(0);
  });

  it('counts none for a row projected before the state kept escalations', () => {
    const row = aRow({});
    delete (row.state as { openEscalations?: unknown }).openEscalations;
    expect(toCaseListItem(row).openEscalations).toBe(0);
  });
});
