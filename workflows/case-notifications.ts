import { ActivityFailure, ApplicationFailure, CancellationScope, condition, patched, proxyActivities, sleep } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import { caseEvent, type CaseEvent } from '../src/domain/case.events';
import type { CaseState } from '../src/domain/case.state';
import { SYSTEM_ACTOR } from '../src/domain/case.vocabulary';
import { ESCALATION_REASONS } from '../src/domain/escalation-reasons';
import { notificationsFor, stillCalledFor, taskDueSoon, taskReminderAt } from '../src/domain/notifications/case-notifications';
import type { NotificationIntent } from '../src/domain/notifications/notification-intent';
import type { NotificationChannel } from '../src/domain/notifications/notification-kinds';
import { now, type CaseContext } from './case-context';
import type { CaseEscalations } from './case-escalations';

type DeliveryOrder = Parameters<CaseActivities['deliverNotification']>[0];
type DeliveryRetry = Parameters<CaseActivities['deliverNotification']>[1];

/** Patch id: histories recorded before Brigade reached people have no messages to plan, send or record. */
export const NOTIFIES_PEOPLE = 'notifies-people';

const { planNotification } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// The one escalation a case raises about its messages, however many fail: its ladder reaches the duty coordinator.
const NOTIFICATIONS_SUBJECT = 'notifications';

/**
 * Sends the messages a case owes people, as its events are recorded: each notification is planned (channels, quiet
 * hours), sent by an activity that retries with backoff and never sends twice, and recorded in the case's chain as
 * `NotificationSent` or, after the last retry, `NotificationFailed` with an escalation to the duty coordinator.
 */
export class CaseNotifications {
  private inFlight = 0;

  constructor(private readonly context: CaseContext, private readonly escalations: CaseEscalations) {
    context.journal.onRecorded((event, before, after) => this.recorded(event, before, after));
  }

  /** Whether every message under way has been sent or given up and recorded: the case ends only then. */
  get idle(): boolean {
    return this.inFlight === 0;
  }

  private recorded(event: CaseEvent, before: CaseState | null, after: CaseState): void {
    const intents = notificationsFor(event, before, after);
    const reminds = event.type === 'TaskAssigned' || event.type === 'TaskReassigned';
    if ((intents.length === 0 && !reminds) || !patched(NOTIFIES_PEOPLE)) return;
    for (const intent of intents) this.track(this.notify(intent));
    if (reminds) void this.remindBeforeDue(event.data.taskId, event);
  }

  private track(work: Promise<void>): void {
    this.inFlight++;
    void work.finally(() => this.inFlight--);
  }

  // A reminder waits in the case's own time; it goes only if the task is still open with the same assignee by then.
  private async remindBeforeDue(taskId: string, event: CaseEvent): Promise<void> {
    const task = this.context.state.tasks.find((t) => t.taskId === taskId);
    if (!task?.assigneeId) return;
    const { assigneeId, dueAt } = task;
    const waitMs = Date.parse(taskReminderAt(event.occurredAt, dueAt)) - Date.parse(now());
    const unchanged = () => {
      const current = this.context.journal.stateOrNull?.tasks.find((t) => t.taskId === taskId);
      return current?.status === 'open' && current.assigneeId === assigneeId && current.dueAt === dueAt;
    };
    await CancellationScope.nonCancellable(() => condition(() => this.context.ended || !unchanged(), Math.max(waitMs, 1)));
    if (this.context.ended || !unchanged()) return;
    const intent = taskDueSoon(this.context.request.caseId, taskId, this.context.state, event.version);
    if (intent) this.track(this.notify(intent));
  }

  // Runs to its end even when the case is cancelled meanwhile: a message under way is sent and recorded.
  private notify(intent: NotificationIntent): Promise<void> {
    return CancellationScope.nonCancellable(async () => {
      let plan = await planNotification(intent, now());
      while (plan.holdUntil !== undefined) {
        await sleep(Math.max(Date.parse(plan.holdUntil) - Date.parse(now()), 1));
        if (!stillCalledFor(intent, this.context.state)) return;
        plan = await planNotification(intent, now());
      }
      if (plan.unreachable) await this.failed(intent, plan.unreachable.channel, plan.unreachable.code);
      await Promise.all(plan.deliveries.map((order) => this.deliver(order, plan.retry)));
    });
  }

  private async deliver(order: DeliveryOrder, retry: DeliveryRetry): Promise<void> {
    const { deliverNotification } = proxyActivities<CaseActivities>({
      startToCloseTimeout: '1 minute',
      retry: {
        maximumAttempts: retry.maximumAttempts,
        initialInterval: retry.initialIntervalMs,
        maximumInterval: retry.maximumIntervalMs,
        backoffCoefficient: 2,
        nonRetryableErrorTypes: ['DeliveryRejected'],
      },
    });
    const { intent, channel } = order;
    try {
      const { transport, reference } = await deliverNotification(order, retry);
      await this.context.journal.recordAfterward(caseEvent('NotificationSent', {
        notificationId: intent.notificationId, kind: intent.kind, channel, recipient: intent.recipient, transport, reference,
      }, SYSTEM_ACTOR, now())).catch(() => undefined);
    } catch (error) {
      await this.failed(intent, channel, failureCode(error));
    }
  }

  private async failed(intent: NotificationIntent, channel: NotificationChannel, code: string): Promise<void> {
    await this.context.journal.recordAfterward(caseEvent('NotificationFailed', {
      notificationId: intent.notificationId, kind: intent.kind, channel, recipient: intent.recipient, code,
    }, SYSTEM_ACTOR, now())).catch(() => undefined);
    await this.escalations.raise('notificationFailed', NOTIFICATIONS_SUBJECT, ESCALATION_REASONS.notificationFailed(channel)).catch(() => undefined);
  }
}

/** The channel's code for why a delivery failed, such as `smtp_550` or `notify_403`, carried in the failure's details. */
function failureCode(error: unknown): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    const [code] = (cause.details ?? []) as unknown[];
    if (typeof code === 'string' && /^[a-z0-9_]{1,40}$/.test(code)) return code;
    return cause.type === 'DeliveryRejected' ? 'rejected' : 'retries_exhausted';
  }
  return 'retries_exhausted';
}
