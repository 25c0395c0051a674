import { Connection } from '@temporalio/client';
import type { BrigadeConfig } from '../config/brigade-config';
import { caseIdOfWorkflowId } from '../domain/case-workflow-id';
import { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { findPayloadKeys } from '../crypto/payload-keys';
import { findResetPoint } from '../audit/reset-point';
import { findStuckWorkflows } from '../temporal/temporal-stuck-workflow-finder';
import { UsageError, type CliOutput, type Command } from './command';
import { quietTemporalRuntime } from './quiet-temporal-runtime';

/**
 * `brigade workflow stuck`: lists the workflows of cases whose task keeps failing.
 * `brigade workflow reset-point <workflow id>`: finds where to reset such a workflow and prints the command that does it.
 */
export const workflowCommand: Command = {
  summary: 'stuck: list the workflows of cases whose workflow task keeps failing; reset-point <workflow id>: find the last point today\'s code replays '
    + 'and print the `temporal workflow reset` command that brings the workflow back from there (docs/operations.md)',
  usage: 'stuck | reset-point <workflow id>',
  async run(args, config, output) {
    const [action, workflowId, ...rest] = args;
    if (action === 'stuck' && workflowId === undefined) return withConnection(config, (connection) => listStuck(connection, config, output));
    if (action === 'reset-point' && workflowId !== undefined && rest.length === 0) {
      // Only a case's workflows are Brigade's to reset; anything else is refused before it reaches Temporal or the terminal.
      if (caseIdOfWorkflowId(workflowId) === null) throw new UsageError('reset-point takes the id of a case\'s workflow, such as case-<case id> or case-<case id>-esc-1');
      return withConnection(config, (connection) => printResetPoint(connection, config, workflowId, output));
    }
    throw new UsageError('expects "stuck" or "reset-point <workflow id>"');
  },
};

async function withConnection(config: BrigadeConfig, use: (connection: Connection) => Promise<number>): Promise<number> {
  const connection = await Connection.connect({ address: temporalAddressOf(config) });
  try {
    return await use(connection);
  } finally {
    await connection.close();
  }
}

function temporalAddressOf(config: BrigadeConfig): string {
  return config.temporalAddress ?? `127.0.0.1:${config.devServerPort}`;
}

async function listStuck(connection: Connection, config: BrigadeConfig, output: CliOutput): Promise<number> {
  const stuck = await findStuckWorkflows(connection, {
    namespace: config.temporalNamespace, taskQueue: config.taskQueue, attempts: config.stuckWorkflows.attempts,
    codecs: [new AesGcmPayloadCodec(findPayloadKeys(config))],
  });
  if (stuck.length === 0) output.out(`no workflow on ${config.taskQueue} has a task at attempt ${config.stuckWorkflows.attempts} or beyond`);
  for (const workflow of stuck) output.out(`${workflow.workflowId}\t${workflow.workflowType}\tattempt ${workflow.attempts}\t${workflow.failure ?? 'no failure recorded'}`);
  return 0;
}

async function printResetPoint(connection: Connection, config: BrigadeConfig, workflowId: string, output: CliOutput): Promise<number> {
  quietTemporalRuntime();
  const namespace = config.temporalNamespace;
  // The whole history, page by page: a reset point can lie anywhere in it.
  let page = await connection.workflowService.getWorkflowExecutionHistory({ namespace, execution: { workflowId } });
  const events = [...page.history?.events ?? []];
  while (page.nextPageToken?.length) {
    page = await connection.workflowService.getWorkflowExecutionHistory({ namespace, execution: { workflowId }, nextPageToken: page.nextPageToken });
    events.push(...page.history?.events ?? []);
  }
  const point = await findResetPoint(workflowId, { events }, new AesGcmPayloadCodec(findPayloadKeys(config)));
  if (point.kind !== 'reset') {
    output.err(`brigade workflow: ${workflowId}: ${point.explanation}`);
    return 1;
  }
  output.out(`${workflowId}: workflow task ${point.workflowTask} no longer replays (${point.divergence})`);
  output.out(`reset to event ${point.eventId}, the completion of that task; every task before it is kept, recorded events are appended once:`);
  output.out(`temporal workflow reset --address ${temporalAddressOf(config)} --namespace ${namespace} --workflow-id ${workflowId} --event-id ${point.eventId} `
    + `--reason "brigade workflow reset-point: task ${point.workflowTask} no longer replays"`);
  return 0;
}
