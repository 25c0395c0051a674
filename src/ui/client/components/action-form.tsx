import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api-error';
import { useI18n } from '../i18n/language';
import { announce } from '../live-region';
import { useSubmission } from '../use-submission';
import { Alert } from './alert';
import { errorTitle } from '../error-title';

/**
 * One decision on a case as a small form: its heading, labelled fields, one submit button. While it is sent the
 * button is busy; a refusal (400 with field problems, 409 when the workflow says no) shows in an alert in the API's
 * words and the fields get their own problems; success is announced and the page refreshes.
 */
export function ActionForm({ id, title, submitLabel, danger, onSubmit, onDone, doneText, children }: {
  id: string;
  title: string;
  submitLabel: string;
  danger?: boolean;
  onSubmit: () => Promise<unknown>;
  onDone: () => Promise<void> | void;
  doneText?: string;
  children?: (error: ApiError | undefined) => ComponentChildren;
}) {
  const { m } = useI18n();
  const { busy, error, run } = useSubmission();
  const submit = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      await onSubmit();
      announce(doneText ?? m.casePage.done);
      await onDone();
    });
  };
  return (
    <form class="vb-action" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate data-testid={`action-${id}`}>
      <h3 class="utrecht-heading-3" id={`${id}-title`}>{title}</h3>
      {error && <Alert kind="error" title={errorTitle(error, m)}>{error.status === 0 ? m.errors.network : error.message}</Alert>}
      {children?.(error)}
      <button
        type="submit" disabled={busy} aria-busy={busy}
        class={`utrecht-button utrecht-button--primary-action utrecht-button--rvo-md${danger ? ' vb-button-danger' : ''}`}
      >
        {submitLabel}
      </button>
    </form>
  );
}
