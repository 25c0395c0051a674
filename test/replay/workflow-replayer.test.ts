import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { replayHistories, type RecordedWorkflowHistory } from '../../src/audit/workflow-replayer';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'histories');
const fixture = (file: string): RecordedWorkflowHistory => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));

/** A fixture whose case workflow, at intake, once scheduled an activity today's code does not. */
function fromIncompatibleCode(file: string): RecordedWorkflowHistory {
  const { workflowId, history } = fixture(file) as { workflowId: string; history: { events: Array<Record<string, unknown>> } };
  const scheduled = history.events.find((event) =>
    (event.activityTaskScheduledEventAttributes as { activityType?: { name: string } } | undefined)?.activityType?.name === 'assessIntake');
  (scheduled!.activityTaskScheduledEventAttributes as { activityType: { name: string } }).activityType.name = 'assessIntakeV0';
  return { workflowId, history };
}

describe('the audit replayer', () => {
  describe('when a case and its escalation ladder were recorded by today\'s code', () => {
    it('reports that both replay', async () => {
      const sut = await replayHistories([fixture('full-case-incident.json'), fixture('full-case-incident.ladder-1.json')]);

      expect(sut.status).toBe('passed');
      expect(sut.firstDivergence).toBeNull();
      expect(sut.workflows).toEqual([
        expect.objectContaining({ workflowId: expect.stringMatching(/^case-[0-9a-f-]{36}$/), status: 'passed' }),
        expect.objectContaining({ workflowId: expect.stringMatching(/^case-[0-9a-f-]{36}-esc-1$/), status: 'passed' }),
      ]);
    });
  });

  describe('when a history comes from incompatible code', () => {
    it('names the workflow, the error type, the divergence and where the history was read', async () => {
      const altered = { ...fromIncompatibleCode('full-case-citizen-meeting.json'), source: 'archive' as const };

      const sut = await replayHistories([altered]);

      expect(sut.status).toBe('diverged');
      expect(sut.firstDivergence).toEqual({
        workflowId: altered.workflowId, status: 'diverged', errorType: 'DeterminismViolationError', message: expect.stringContaining('assessIntake'),
        source: 'archive',
      });
    });

    it('still replays the other histories and reports the first divergence', async () => {
      const sut = await replayHistories([fixture('full-case-incident.ladder-1.json'), fromIncompatibleCode('full-case-shelter-support.json')]);

      expect(sut.workflows.map((workflow) => workflow.status)).toEqual(['passed', 'diverged']);
      expect(sut.firstDivergence?.workflowId).toBe(sut.workflows[1].workflowId);
    });
  });

  describe('when a history is not available', () => {
    it('reports the replay as unavailable with the reason, never as passed', async () => {
      const gone = { workflowId: 'case-gone', status: 'unavailable' as const, errorType: null, message: 'past retention', source: null };

      const sut = await replayHistories([fixture('full-case-incident.json')], [gone]);

      expect(sut.status).toBe('unavailable');
      expect(sut.workflows).toContainEqual(gone);
    });

    it('calls a case with nothing to replay unavailable', async () => {
      await expect(replayHistories([])).resolves.toEqual({ status: 'unavailable', workflows: [], firstDivergence: null });
    });
  });
});
