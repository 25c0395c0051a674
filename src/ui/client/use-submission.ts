import { useState } from 'preact/hooks';
import { ApiError } from './api-error';

/** One form's or button's call to the API: whether it is on its way, and the API's refusal if it was refused. */
export interface Submission {
  readonly busy: boolean;
  readonly error: ApiError | undefined;
  /** Runs `send` unless a run is already on its way; true when it succeeded, false when it failed (the error is kept). */
  run(send: () => Promise<unknown>): Promise<boolean>;
}

/** The busy flag and last error of one submission, so a double click sends once and a refusal stays on screen. */
export function useSubmission(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const run = async (send: () => Promise<unknown>) => {
    if (busy) return false;
    setBusy(true);
    setError(undefined);
    try {
      await send();
      return true;
    } catch (failure) {
      setError(ApiError.from(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
