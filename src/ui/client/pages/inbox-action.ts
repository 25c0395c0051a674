import type { ApiError } from '../api-error';
import { announce } from '../live-region';
import { useSubmission } from '../use-submission';

/** One inbox action's progress: whether it is on its way, and the API's refusal if it was refused. */
export interface InboxAction {
  readonly busy: boolean;
  readonly error: ApiError | undefined;
  /** Sends the action; on success announces `done` and hands it to the page, on refusal keeps the error to show. */
  run(send: () => Promise<unknown>, done: string): Promise<boolean>;
}

/** How an item's action keeps the page informed: a new action clears the last one's words, a success shows its own. */
export interface InboxDone {
  started(): void;
  succeeded(text: string): Promise<void>;
}

/** The state of one item's action, so that a refusal shows beside the item it concerns. */
export function useInboxAction(onDone: InboxDone): InboxAction {
  const submission = useSubmission();
  const run = (send: () => Promise<unknown>, done: string) => {
    if (!submission.busy) onDone.started();
    return submission.run(async () => {
      await send();
      announce(done);
      await onDone.succeeded(done);
    });
  };
  return { busy: submission.busy, error: submission.error, run };
}
