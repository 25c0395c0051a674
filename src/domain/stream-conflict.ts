/**
 * The names of the errors that mean a case's stored stream and its workflow disagree (someone wrote to the event log
 * behind the workflow's back): not retried, and the case waits for an operator instead of going on.
 */
export const STREAM_CONFLICT_ERRORS: readonly string[] = ['VersionConflictError', 'StreamMismatchError'];
