import { eventsUpTo, foldHistory } from '../../../src/domain/case-history';
import { caseEvent, type CaseEvent } from '../../../src/domain/case.events';
import { foldCase } from '../../../src/domain/case.state';
import { COORDINATOR, aSupportRequest } from '../../support/case-fixtures';
import { aFullCaseHistory } from '../../support/full-case-history';

const request = aSupportRequest();
// Given a closed case with its whole history, numbered as the store numbers it.
const history: CaseEvent[] = aFullCaseHistory(request).map((event, index) => ({ ...event, caseId: request.caseId, version: index + 1 }) as CaseEvent);
const eventOf = (type: string) => history.find((event) => event.type === type)!;

describe('folding a case up to a point in its history', () => {
  describe('when asked for a version', () => {
    it('selects the events up to and including that version', () => {
      const sut = eventsUpTo(history, { version: 10 });

      expect(sut.kind).toBe('events');
      expect(sut.kind === 'events' && sut.events.map((event) => event.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('gives the state the case had then', () => {
      const teamVersion = eventOf('TeamAssembled').version;

      const sut = eventsUpTo(history, { version: teamVersion });
      const fold = foldHistory(sut.kind === 'events' ? sut.events : []);

      expect(fold.state).toMatchObject({ stage: 'Preparation', version: teamVersion, riskLevel: 'MEDIUM', closedAt: null });
      expect(fold.state?.team.map((member) => member.role)).toEqual(['lead', 'support']);
    });

    it('gives the final state for the last version', () => {
      const sut = eventsUpTo(history, { version: history.length });

      expect(sut.kind === 'events' && foldHistory(sut.events).state).toEqual(foldCase(history));
    });

    it('names the last version when asked for one beyond it', () => {
      expect(eventsUpTo(history, { version: history.length + 1 })).toEqual({ kind: 'beyond-last-version', lastVersion: history.length });
    });
  });

  describe('when asked for a moment in time', () => {
    it('includes an event that occurred exactly then, and none after it', () => {
      const risk = eventOf('RiskLevelChanged');

      const sut = eventsUpTo(history, { at: risk.occurredAt });

      expect(sut.kind === 'events' && sut.events.at(-1)).toBe(risk);
      expect(sut.kind === 'events' && foldHistory(sut.events).state).toMatchObject({ riskLevel: 'HIGH', openEscalations: [] });
    });

    it('reads times with any offset as the same instant', () => {
      const accepted = eventOf('RequestAccepted');
      const sameInstantInAmsterdam = new Date(Date.parse(accepted.occurredAt) + 3_600_000).toISOString().replace('Z', '+01:00');

      const sut = eventsUpTo(history, { at: sameInstantInAmsterdam });

      expect(sut.kind === 'events' && sut.events.at(-1)?.type).toBe('RequestAccepted');
    });

    it('shows the case in matching between the acceptance and the team', () => {
      const justBeforeTeam = new Date(Date.parse(eventOf('TeamAssembled').occurredAt) - 1).toISOString();

      const sut = eventsUpTo(history, { at: justBeforeTeam });

      expect(sut.kind === 'events' && foldHistory(sut.events).state).toMatchObject({ stage: 'Matching', team: [expect.anything(), expect.anything()] });
    });

    it('says the case did not exist yet before its first event', () => {
      const before = new Date(Date.parse(history[0].occurredAt) - 1).toISOString();

      expect(eventsUpTo(history, { at: before })).toEqual({ kind: 'before-first-event', firstOccurredAt: history[0].occurredAt });
    });
  });

  describe('when the stream holds an impossible order', () => {
    it('names the first event that cannot follow the ones before it', () => {
      const reordered = [...history];
      [reordered[0], reordered[1]] = [reordered[1], reordered[0]];

      expect(foldHistory(reordered)).toEqual({
        valid: false, state: null, failedVersion: 2, problem: expect.stringContaining('starts with IntakeAssessed'),
      });
    });

    it('reports malformed data as a refusal instead of throwing', () => {
      const broken = [{ ...history[0], data: null } as unknown as CaseEvent, ...history.slice(1)];

      expect(foldHistory(broken)).toMatchObject({ valid: false, failedVersion: 1 });
    });

    it('folds an intact stream without findings', () => {
      expect(foldHistory(history)).toEqual({ valid: true, state: foldCase(history), failedVersion: null, problem: null });
    });

    it('refuses a second request in the same stream', () => {
      const twice = [...history, { ...caseEvent('RequestReceived', { request }, COORDINATOR, '2027-06-01T00:00:00.000Z'), caseId: request.caseId, version: 99 } as CaseEvent];

      expect(foldHistory(twice)).toMatchObject({ valid: false, failedVersion: 99, problem: expect.stringContaining('twice') });
    });
  });
});
