import { ApplicationFailure, Context } from '@temporalio/activity';
import type { NotificationIntent } from '../src/domain/notifications/notification-intent';
import type { NotificationChannel } from '../src/domain/notifications/notification-kinds';

/** How a delivery is retried; the worker's settings, handed to the workflow so it can set the activity's retry policy. */
export interface DeliveryRetry {
  readonly maximumAttempts: number;
  readonly initialIntervalMs: number;
  readonly maximumIntervalMs: number;
}

/** One message on one channel to one recipient; the key makes every retry of it the same delivery. */
export interface DeliveryOrder {
  readonly deliveryKey: string;
  readonly intent: NotificationIntent;
  readonly channel: NotificationChannel;
}

/** What the sender decided for one notification: its deliveries, or to hold it until quiet hours end, or that nobody can be reached. */
export interface NotificationPlan {
  readonly deliveries: readonly DeliveryOrder[];
  /** Set when the recipient's quiet hours hold a message that is not critical: ask again at this moment. */
  readonly holdUntil?: string;
  /** Why the recipient cannot be reached at all (no contact point, no address on any channel that is switched on). */
  readonly unreachable?: { readonly channel: NotificationChannel; readonly code: string };
  readonly retry: DeliveryRetry;
}

/** What a channel gave back for a message it accepted. */
export interface DeliveryReceipt {
  readonly transport: string;
  readonly reference: string;
}

/** Plans and sends notifications: looks recipients up, renders, sends exactly once per delivery key, keeps the ledger. */
export interface NotificationSender {
  /** `at` is the case's own time (the workflow's clock), against which quiet hours are read. */
  plan(intent: NotificationIntent, at: string): Promise<NotificationPlan>;
  /** Sends one delivery; `attempt` counts from 1, and the last one records the failure in the ledger. */
  deliver(order: DeliveryOrder, attempt: number, lastAttempt: boolean): Promise<DeliveryReceipt>;
}

/** The failure type of a delivery its channel refused for good; the workflow's retry policy does not retry it. */
export const DELIVERY_REJECTED = 'DeliveryRejected';

/** Dependencies of the notification activities. */
export interface NotificationActivityDependencies {
  readonly notificationSender: NotificationSender;
}

/** Builds the activities that plan and send the messages a case owes people. */
export function createNotificationActivities({ notificationSender }: NotificationActivityDependencies) {
  return {
    /** Works out channels, addresses' existence and quiet hours for one notification. */
    async planNotification(intent: NotificationIntent, at: string): Promise<NotificationPlan> {
      return notificationSender.plan(intent, at);
    },

    /** Sends one delivery; a retry of it never sends a second message. */
    async deliverNotification(order: DeliveryOrder, retry: DeliveryRetry): Promise<DeliveryReceipt> {
      const { attempt } = Context.current().info;
      try {
        return await notificationSender.deliver(order, attempt, attempt >= retry.maximumAttempts);
      } catch (error) {
        // By name: the sender's errors (src/notifications) are thrown up to here, and activities do not import their folder.
        const { name, message, code } = error as { name?: string; message?: string; code?: unknown };
        const detail = typeof code === 'string' ? code : 'unavailable';
        if (name === DELIVERY_REJECTED) throw ApplicationFailure.nonRetryable(message ?? 'refused', DELIVERY_REJECTED, detail);
        throw ApplicationFailure.retryable(message ?? String(error), 'DeliveryDeferred', detail);
      }
    },
  };
}
