import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { BrigadeConfig } from '../config/brigade-config';
import { RETENTION_SCHEDULE_ID, type RetentionReviewInput } from '../../workflows/messages';

/** Creates the Temporal Schedule that starts the retention review every day, once the worker is up; an existing one stays. */
@Injectable()
export class RetentionReviewSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('RetentionReview');

  constructor(private readonly client: Client, private readonly config: BrigadeConfig) {}

  async onApplicationBootstrap(): Promise<void> {
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
