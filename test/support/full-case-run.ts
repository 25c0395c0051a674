import type { SupportRequest } from '../../src/domain/support-request';
import { acknowledgeEscalation } from '../../workflows/messages';
import { startCase } from './case-driver';
import { COORDINATOR } from './case-fixtures';
import type { WorkflowHarness } from './workflow-harness';

/**
 * Runs a real incident case through the harness's workflow from request to closure, the way its people would; the
 * reported incident starts an escalation ladder, so the case has a child workflow too. Resolves with the case id once
 * the case's histories are archived, so that its stream has stopped growing. `overrides` change the request.
 */
export async function runFullIncidentCase(harness: WorkflowHarness, overrides: Partial<SupportRequest> = {}): Promise<string> {
  return harness.withWorker(async () => {
    const sut = await startCase(harness, { category: 'INCIDENT', ...overrides });
    await sut.accept();
    await sut.acceptOffersUntilTeamAssembled();
    await sut.prepareAndHoldSession();
    await sut.reportAfterEvent('incident');
    await sut.completeFollowUps();
    for (const escalation of (await sut.state()).openEscalations) {
      await sut.handle.executeUpdate(acknowledgeEscalation, { args: [{ escalationId: escalation.escalationId, actor: COORDINATOR }] });
    }
    await sut.evaluateAndClose();
    await sut.handle.result();
    await sut.awaitArchive();
    return sut.caseId;
  });
}
