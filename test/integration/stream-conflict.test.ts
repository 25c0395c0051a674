import { Logger } from '@nestjs/common';
import { Registry } from 'prom-client';
import { CasesModule } from '../../src/cases/cases.module';
import { EventAppendMetrics } from '../../src/metrics/event-append.metrics';
import { MeasuredEventStore } from '../../src/metrics/measured-event-store';
import { createApiApp, type ApiApp } from '../support/api-app';
import { startCase } from '../support/case-driver';
import { COORDINATOR } from '../support/case-fixtures';
import { realTemporalClient } from '../support/real-temporal-client';
import { forgeEvent } from '../support/tamper';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

describe('a case whose recorded events and workflow disagree', () => {
  let harness: WorkflowHarness;
  let app: ApiApp;
  const registry = new Registry();

  beforeAll(async () => {
    const metrics = new EventAppendMetrics(registry);
    harness = await createWorkflowHarness({ activityEventStore: (store) => new MeasuredEventStore(store, metrics) });
    app = await createApiApp(harness.db, { imports: [CasesModule, realTemporalClient(harness.env.client)] });
  });
  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  const conflicts = async () => (await registry.getSingleMetric('brigade_event_stream_conflicts_total')?.get())?.values[0]?.value ?? 0;

  it('answers the next decision with 409 naming the conflict, logs an error and counts it, instead of a bare 500', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      await harness.withWorker(async () => {
        const sut = await startCase(harness);
        await sut.waitFor((state) => state.stage === 'Triage', 'triage');
        const caseId = sut.handle.workflowId.replace(/^case-/, '');
        const events = await sut.events();
        // Linked correctly, so even the database's chain guard lets it in: the workflow does not know of it.
        await forgeEvent(harness.db, caseId, { version: events.length + 1, prevHash: events.at(-1)!.hash });

        const response = await app.as('coordinator', COORDINATOR.id).post(`/cases/${caseId}/triage`).send({ decision: 'accept' });

        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({
          statusCode: 409,
          code: 'conflict',
          // The workflow's own refusal, coded, the technical words of the conflict in its detail.
          reason: {
            code: 'case_needs_reconciliation',
            params: { caseId, detail: expect.stringMatching(new RegExp(`version ${events.length}`)) },
          },
        });
        expect(await conflicts()).toBe(1);

        // The case waits for an operator instead of failing: still running, readable, and every decision refused with the reason.
        const cancel = await app.as('coordinator', COORDINATOR.id).post(`/cases/${caseId}/cancel`).send({ reason: 'opgeruimd' });
        expect(cancel.status).toBe(409);
        expect(cancel.body.reason).toMatchObject({ code: 'case_needs_reconciliation', params: { caseId } });
        expect((await sut.handle.describe()).status.name).toBe('RUNNING');
        expect((await sut.state()).stage).toBe('Triage');
        expect(logged).toHaveBeenCalledWith(expect.stringContaining(`event stream conflict, the case needs an operator: the recorded events of case ${caseId}`));
      });
    } finally {
      logged.mockRestore();
    }
  });
});
