import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { Gauge, Registry } from 'prom-client';
import { BrigadeConfig } from '../config/brigade-config';
import { findStuckWorkflows } from './temporal-stuck-workflow-finder';
import type { StuckWorkflow, StuckWorkflows } from './stuck-workflows.port';

/**
 * Looks at Temporal every scan interval for workflows whose task keeps failing, and tells of them: in the case list (the
 * coordinator's board shows "workflow stuck, N attempts"), as the `brigade_workflows_stuck` gauge, and once in the log
 * with the reason. docs/operations.md says how to bring such a case back.
 */
@Injectable()
export class StuckWorkflowWatch implements StuckWorkflows, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StuckWorkflowWatch.name);
  private stuck: readonly StuckWorkflow[] = [];
  private timer?: NodeJS.Timeout;
  private scanning?: Promise<void>;

  constructor(private readonly client: Client, private readonly config: BrigadeConfig, registry: Registry) {
    const stuckTypes = () => this.stuck.map((workflow) => workflow.workflowType);
    new Gauge({
      name: 'brigade_workflows_stuck',
      help: 'Workflows of cases whose current workflow task has failed at least BRIGADE_STUCK_WORKFLOW_ATTEMPTS times, at the last look.',
      labelNames: ['workflow_type'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [type, count] of countBy(stuckTypes())) this.set({ workflow_type: type }, count);
      },
    });
  }

  onApplicationBootstrap(): void {
    // Only the API reports to people; a worker-only process has nobody to show the list to.
    if (!this.config.runsApi) return;
    this.timer = setInterval(() => void this.scan(), this.config.stuckWorkflows.scanIntervalMs);
    this.timer.unref();
    void this.scan();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  all(): readonly StuckWorkflow[] {
    return this.stuck;
  }

  attemptsOfCase(caseId: string): number | null {
    const attempts = this.stuck.filter((workflow) => workflow.caseId === caseId).map((workflow) => workflow.attempts);
    return attempts.length > 0 ? Math.max(...attempts) : null;
  }

  /** Looks once; a look still under way is waited for rather than doubled. */
  scan(): Promise<void> {
    this.scanning ??= this.look().finally(() => {
      this.scanning = undefined;
    });
    return this.scanning;
  }

  private async look(): Promise<void> {
    const { temporalNamespace: namespace, taskQueue, stuckWorkflows } = this.config;
    try {
      const codecs = this.client.options.loadedDataConverter.payloadCodecs;
      const found = await findStuckWorkflows(this.client.connection, { namespace, taskQueue, attempts: stuckWorkflows.attempts, codecs });
      const before = new Set(this.stuck.map((workflow) => workflow.workflowId));
      for (const workflow of found.filter((w) => !before.has(w.workflowId))) {
        this.logger.warn(`workflow ${workflow.workflowId} is stuck: its task failed ${workflow.attempts} times; last failure: ${workflow.failure ?? 'unknown'}`);
      }
      const now = new Set(found.map((workflow) => workflow.workflowId));
      for (const workflow of this.stuck.filter((w) => !now.has(w.workflowId))) this.logger.log(`workflow ${workflow.workflowId} is no longer stuck`);
      this.stuck = found;
    } catch (error) {
      // Temporal away: the last look stands until the next one succeeds; the health check reports the outage itself.
      this.logger.debug(`could not look for stuck workflows: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
