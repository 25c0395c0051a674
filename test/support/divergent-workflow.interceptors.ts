import { sleep, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

/**
 * Workflow code that once recorded a command today's code does not make: a short timer before every plan of a message.
 * A worker running it writes histories that today's code cannot replay, as a faulty SDK release might have.
 */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [{
    async scheduleActivity(input, next) {
      if (input.activityType === 'planNotification') await sleep(1);
      return next(input);
    },
  }],
});
