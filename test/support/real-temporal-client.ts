import { Module, type DynamicModule } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { TEMPORAL_PROBE } from '../../src/temporal/temporal-probe.port';
import { TemporalServerProbe } from '../../src/temporal/temporal-server-probe';
import { TemporalWorkflowHistories } from '../../src/temporal/temporal-workflow-histories';
import { WORKFLOW_HISTORIES } from '../../src/temporal/workflow-histories.port';
import { NO_STUCK_WORKFLOWS, STUCK_WORKFLOWS } from '../../src/temporal/stuck-workflows.port';

/**
 * Provides a real Temporal client (the test server's) to an app under test, where the fake doors would not do, with the
 * audit's and the health check's doors reading through it as `TemporalModule` provides them.
 */
export function realTemporalClient(client: Client): DynamicModule {
  @Module({})
  class RealTemporalClientModule {}
  return {
    module: RealTemporalClientModule,
    global: true,
    providers: [
      { provide: Client, useValue: client },
      { provide: WORKFLOW_HISTORIES, useClass: TemporalWorkflowHistories },
      { provide: TEMPORAL_PROBE, useClass: TemporalServerProbe },
      // The case list's view of stuck workflows: none, since these apps run no watch (the watch is tested on its own).
      { provide: STUCK_WORKFLOWS, useValue: NO_STUCK_WORKFLOWS },
    ],
    exports: [Client, WORKFLOW_HISTORIES, TEMPORAL_PROBE, STUCK_WORKFLOWS],
  };
}
