import { Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { BrigadeConfig } from '../config/brigade-config';
import { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { brigadeDataConverter } from '../crypto/brigade-data-converter';
import { findPayloadKeys } from '../crypto/payload-keys';
import { PostgresCaseReadModel } from '../read-model/postgres-case-read-model';
import type { archiveCaseHistories } from '../../workflows/history-archive.workflow';
import { archiveWorkflowIdFor } from '../../workflows/messages';
import { count } from './audit-report';
import type { CliOutput } from './command';
import { withDatabase } from './with-database';

/**
 * Starts archiving the histories of every ended case that has no archive of its case workflow yet (cases that ended
 * before their workflows archived themselves); Brigade's workers do the archiving. Answers the exit code.
 */
export async function backfillArchives(config: BrigadeConfig, output: CliOutput): Promise<number> {
  return withDatabase(config, async (dataSource) => {
    const caseIds = await new PostgresCaseReadModel(dataSource).endedCasesWithUnarchivedHistory();
    // Without TEMPORAL_ADDRESS, the dev server of the Brigade running on this machine.
    const connection = await Connection.connect({ address: config.temporalAddress ?? `127.0.0.1:${config.devServerPort}` });
    try {
      const codec = new AesGcmPayloadCodec(findPayloadKeys(config));
      const client = new Client({ connection, namespace: config.temporalNamespace, dataConverter: brigadeDataConverter(codec) });
      let started = 0;
      for (const caseId of caseIds) {
        try {
          await client.workflow.start<typeof archiveCaseHistories>('archiveCaseHistories', {
            workflowId: archiveWorkflowIdFor(caseId), taskQueue: config.taskQueue, args: [{ caseId }],
            // A run that failed may run again; one that is running or has archived the case is left alone.
            workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
          });
          started++;
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
      }
      output.out(`started archiving ${count(started, 'ended case')}; ${count(caseIds.length - started, 'other')} already being archived`);
      return 0;
    } finally {
      await connection.close();
    }
  });
}
