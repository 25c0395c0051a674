import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { BrigadeConfig } from '../config/brigade-config';
import { RETENTION_SCHEDULE_ID, type RetentionReviewInput } from '../../workflows/messages';

/** How long to wait before trying again when Temporal could not take the schedule, doubling up to the cap. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/** Creates the Temporal Schedule that starts the retention review every day, once the worker is up; an existing one stays. */
@Injectable()
export class RetentionReviewSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RetentionReview');
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly client: Client, private readonly config: BrigadeConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureSchedule(FIRST_RETRY_MS);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  // A worker that starts while Temporal is briefly away still works its cases; the schedule follows once Temporal answers.
  private async ensureSchedule(nextDelayMs: number): Promise<void> {
    try {
      await this.createSchedule();
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(`the retention review could not be scheduled yet (${(error as Error).message}); trying again in ${nextDelayMs / 1000} s`);
      this.retry = setTimeout(() => void this.ensureSchedule(Math.min(nextDelayMs * 2, MAX_RETRY_MS)), nextDelayMs);
      this.retry.unref();
    }
  }

  private async createSchedule(): Promise<void> {
    const { reviewCron, timeZone, approvalWindowMs, source } = this.config.retention;
    const args: [RetentionReviewInput] = [{ approvalWindowMs }];
    try {
      await this.client.schedule.create({
        scheduleId: RETENTION_SCHEDULE_ID,
        spec: { cronExpressions: [reviewCron], timezone: timeZone },
        // A list still waiting for approvals does not hold up the next day's review, which skips the cases it holds.
        policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '1 day' },
        action: { type: 'startWorkflow', workflowType: 'retentionReview', workflowId: RETENTION_SCHEDULE_ID, taskQueue: this.config.taskQueue, args },
      });
      this.logger.log(`retention review scheduled at "${reviewCron}" (${timeZone}), rules from ${source}`);
    } catch (error) {
      // Every worker start tries; the first one's schedule stays, and changing it is an operator's step (docs/retention.md).
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
  }
}
