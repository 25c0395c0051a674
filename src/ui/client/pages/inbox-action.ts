import { useState } from 'preact/hooks';
import { ApiError } from '../api-error';
import { announce } from '../live-region';

/** One inbox action's progress: whether it is on its way, and the API's refusal if it was refused. */
export interface InboxAction {
  readonly busy: boolean;
  readonly error: ApiError | undefined;
  /** Sends the action; on success announces `done` and reloads the inbox, on refusal keeps the error to show. */
  run(send: () => Promise<unknown>, done: string): Promise<boolean>;
}

/** The state of one item's action, so that a refusal shows beside the item it concerns. */
export function useInboxAction(reload: () => Promise<void>): InboxAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const run = async (send: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await send();
      announce(done);
      await reload();
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
