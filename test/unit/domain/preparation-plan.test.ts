import { HOUR } from '../../../src/domain/durations';
import { assignTemplateTasks, planSession, taskDueAt } from '../../../src/domain/preparation-plan';

const NOW = '2026-12-01T10:00:00.000Z';

describe('planSession', () => {
  it('plans the session the risk\'s lead time before the event', () => {
    expect(planSession({ eventDate: '2026-12-20T19:00:00.000Z', riskLevel: 'HIGH' }, NOW))
      .toEqual({ scheduledAt: '2026-12-18T19:00:00.000Z', beforeEvent: true });
  });

  it('never plans sooner than twelve hours from now, and says when that is no longer before the event', () => {
    expect(planSession({ eventDate: '2026-12-01T18:00:00.000Z', riskLevel: 'LOW' }, NOW))
      .toEqual({ scheduledAt: '2026-12-01T22:00:00.000Z', beforeEvent: false });
  });

  it('plans a week ahead when there is no event date', () => {
    expect(planSession({ eventDate: null, riskLevel: 'CRITICAL' }, NOW)).toEqual({ scheduledAt: '2026-12-08T10:00:00.000Z', beforeEvent: true });
  });
});

describe('taskDueAt', () => {
  it('makes tasks due twelve hours before the session', () => {
    expect(taskDueAt({ scheduledAt: '2026-12-05T10:00:00.000Z', beforeEvent: true }, NOW)).toBe('2026-12-04T22:00:00.000Z');
  });

  it('makes them due at the session when that moment has already passed', () => {
    const scheduledAt = new Date(Date.parse(NOW) + 6 * HOUR).toISOString();
    expect(taskDueAt({ scheduledAt, beforeEvent: true }, NOW)).toBe(scheduledAt);
  });
});

describe('assignTemplateTasks', () => {
  const team = [
    { expertId: 'lead', name: 'Lead', role: 'lead' as const },
    { expertId: 'comms', name: 'Comms', role: 'support' as const },
  ];

  it('gives each task to the member whose skill fits it, and the rest to the lead', () => {
    const skills: Record<string, string[]> = { lead: ['security'], comms: ['communication'] };
    const sut = assignTemplateTasks({ category: 'SHELTER_SUPPORT', team }, (id) => skills[id] as never);
    expect(sut.map((t) => [t.templateId, t.assigneeId])).toEqual([
      ['risk-analysis', 'lead'], ['stakeholder-map', 'lead'], ['communication-plan', 'comms'],
    ]);
  });

  it('spreads tasks that fit several members over them', () => {
    const sut = assignTemplateTasks({ category: 'THREAT_TO_OFFICIAL', team }, () => ['security', 'psychosocialAftercare']);
    expect(sut.map((t) => t.assigneeId)).toEqual(['lead', 'comms', 'lead']);
  });

});
