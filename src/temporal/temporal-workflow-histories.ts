import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, isGrpcServiceError } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';
import type { WorkflowHistories } from './workflow-histories.port';

// gRPC's NOT_FOUND: what Temporal answers for a workflow it never ran or has already deleted after its retention period.
const GRPC_NOT_FOUND = 5;

/** Reads workflow histories through the Temporal client. */
@Injectable()
export class TemporalWorkflowHistories implements WorkflowHistories {
  constructor(private readonly client: Client) {}

  async fetch(workflowId: string): Promise<History | null> {
    try {
      return await this.client.workflow.getHandle(workflowId).fetchHistory();
    } catch (error) {
      // The client names a NOT_FOUND answer; a raw gRPC error is still recognised.
      if (error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND)) return null;
      throw error;
    }
  }
}
