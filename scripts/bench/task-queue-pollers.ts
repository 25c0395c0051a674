import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/** Whether a worker in the process `pid` is polling the task queue for workflow tasks. */
export async function isPolling(connection: Connection, namespace: string, taskQueue: string, pid: number): Promise<boolean> {
  const described = await connection.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  // A worker's identity is `<pid>@<host>`, so an earlier worker's lingering poller does not count.
  return (described.pollers ?? []).some((poller) => poller.identity?.startsWith(`${pid}@`));
}
