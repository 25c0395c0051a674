import { Module, type DynamicModule } from '@nestjs/common';
import type { TestingModuleBuilder } from '@nestjs/testing';
import { Client } from '@temporalio/client';
import { CASE_WORKFLOWS, type CaseWorkflows } from '../../src/cases/case-workflows.port';
import { TemporalClientLifecycle } from '../../src/temporal/temporal-client.provider';
import { TEMPORAL_PROBE, type TemporalProbe } from '../../src/temporal/temporal-probe.port';
import { WORKFLOW_HISTORIES, type WorkflowHistories } from '../../src/temporal/workflow-histories.port';
import { StuckWorkflowWatch } from '../../src/temporal/stuck-workflow-watch';
import { NO_STUCK_WORKFLOWS, STUCK_WORKFLOWS } from '../../src/temporal/stuck-workflows.port';

/** The audit's door to a Temporal that holds no history: every history comes from Brigade's archive or is missing. */
export const NO_WORKFLOW_HISTORIES: WorkflowHistories = { fetch: async () => null };

/** The health check's probe of a Temporal that does not answer: the HTTP apps under test have no connection to one. */
export const UNREACHABLE_TEMPORAL: TemporalProbe = {
  ping: async () => {
    throw new Error('this app under test has no Temporal server');
  },
};

/** Provides the audit's, the health check's and the case list's doors to Temporal, which `TemporalModule` would connect to a server. */
export function fakeTemporalDoorsModule(): DynamicModule {
  @Module({})
  class FakeTemporalDoorsModule {}
  return {
    module: FakeTemporalDoorsModule,
    global: true,
    providers: [
      { provide: WORKFLOW_HISTORIES, useValue: NO_WORKFLOW_HISTORIES }, { provide: TEMPORAL_PROBE, useValue: UNREACHABLE_TEMPORAL },
      { provide: STUCK_WORKFLOWS, useValue: NO_STUCK_WORKFLOWS },
    ],
    exports: [WORKFLOW_HISTORIES, TEMPORAL_PROBE, STUCK_WORKFLOWS],
  };
}

/**
 * Puts fakes behind every door through which the whole app (`AppModule`) reaches Temporal. The SDK client itself is an
 * empty stand-in that never connects: nothing past the doors uses it.
 */
export function withFakeTemporal(builder: TestingModuleBuilder, caseWorkflows: CaseWorkflows): TestingModuleBuilder {
  return builder
    .overrideProvider(Client).useValue({})
    .overrideProvider(TemporalClientLifecycle).useValue({})
    .overrideProvider(CASE_WORKFLOWS).useValue(caseWorkflows)
    .overrideProvider(WORKFLOW_HISTORIES).useValue(NO_WORKFLOW_HISTORIES)
    .overrideProvider(TEMPORAL_PROBE).useValue(UNREACHABLE_TEMPORAL)
    .overrideProvider(StuckWorkflowWatch).useValue(NO_STUCK_WORKFLOWS)
    .overrideProvider(STUCK_WORKFLOWS).useValue(NO_STUCK_WORKFLOWS);
}
