import type { Client } from '@temporalio/client';
import { runConcurrently } from './concurrency';
import { summarise, type LatencySummary } from './stats';

type HistoryEvent = NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>[number];

/**
 * Where workflows spent their time, from their histories on the Temporal server's clock: how long workflow tasks waited
 * for the worker and took to run, and how long each kind of activity waited and ran, in milliseconds.
 */
export async function historyTimings(client: Client, workflowIds: readonly string[]): Promise<Record<string, LatencySummary>> {
  const spans: Record<string, number[]> = {};
  const add = (name: string, ms: number) => (spans[name] ??= []).push(ms);
  await runConcurrently(workflowIds.length, 8, async (index) => {
    const events = (await client.workflow.getHandle(workflowIds[index]).fetchHistory()).events ?? [];
    const byId = new Map<string, HistoryEvent>(events.map((event) => [String(event.eventId), event]));
    const at = (event: HistoryEvent | undefined) => (event?.eventTime ? Number(event.eventTime.seconds) * 1000 + (event.eventTime.nanos ?? 0) / 1e6 : Number.NaN);
    const since = (event: HistoryEvent, earlierId: unknown) => at(event) - at(byId.get(String(earlierId)));
    const activity = (scheduledId: unknown) => byId.get(String(scheduledId))?.activityTaskScheduledEventAttributes?.activityType?.name ?? 'activity';
    for (const event of events) {
      const { workflowTaskStartedEventAttributes: wtStarted, workflowTaskCompletedEventAttributes: wtCompleted } = event;
      const { activityTaskStartedEventAttributes: started, activityTaskCompletedEventAttributes: completed } = event;
      if (wtStarted) add('workflow task waiting for the worker', since(event, wtStarted.scheduledEventId));
      if (wtCompleted) add('workflow task running', since(event, wtCompleted.startedEventId));
      if (started) add(`${activity(started.scheduledEventId)} waiting for the worker`, since(event, started.scheduledEventId));
      if (completed) add(`${activity(completed.scheduledEventId)} running`, since(event, completed.startedEventId));
    }
  });
  return Object.fromEntries(Object.entries(spans).sort(([a], [b]) => a.localeCompare(b)).map(([name, ms]) => [name, summarise(ms)]));
}
