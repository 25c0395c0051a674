import { useState } from 'preact/hooks';
import { ApiError } from '../api-error';
import { announce } from '../live-region';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const run = async (send: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    onDone.started();
    try {
      await send();
      announce(done);
      await onDone.succeeded(done);
      return true;
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, 'error', (failure as Error).message));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
