import { nextDeadline, type DeadlineSources } from '../../../src/domain/next-deadline';
import { domainText } from '../../../src/domain/domain-text';

function sources(overrides: Partial<DeadlineSources>): DeadlineSources {
  return { caseId: 'case-1', stage: 'Triage', triageDueAt: null, openOffers: [], tasks: [], openEscalations: [], followUps: [], ...overrides };
}

const escalation = (ackDeadline: string) => ({
  escalationId: 'esc-1', level: 1, target: 'dutyCoordinator' as const, trigger: 'missedDeadline' as const, subject: 'triage', reason: domainText('escalation.triage_overdue'), raisedAt: '2026-11-30T08:00:00.000Z', ackDeadline,
});

describe('nextDeadline', () => {
  it('gives a case waiting for triage its triage deadline', () => {
    expect(nextDeadline(sources({ triageDueAt: '2026-11-30T12:00:00.000Z' })))
      .toStrictEqual({ at: '2026-11-30T12:00:00.000Z', kind: 'triage', id: 'case-1' });
  });

  it('forgets the triage deadline once the case has left triage', () => {
    expect(nextDeadline(sources({ stage: 'Matching', triageDueAt: '2026-11-30T12:00:00.000Z' }))).toBeNull();
  });

  it('puts an escalation that falls due before the triage deadline first', () => {
    const sut = nextDeadline(sources({ triageDueAt: '2026-11-30T12:00:00.000Z', openEscalations: [escalation('2026-11-30T10:00:00.000Z')] }));
    expect(sut).toMatchObject({ kind: 'escalation', id: 'esc-1' });
  });

  it('reads rows projected before the triage deadline was recorded', () => {
    const { triageDueAt: _, ...olderRow } = sources({});
    expect(nextDeadline(olderRow as DeadlineSources)).toBeNull();
  });
});
