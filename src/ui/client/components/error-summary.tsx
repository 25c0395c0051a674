import { useEffect, useRef } from 'preact/hooks';
import type { ApiError } from '../api-error';
import { fieldId } from '../form-ids';
import { useI18n } from '../i18n/language';

/**
 * The list of a refused form's problems at the top of the form, each a link to its field, in the page's language.
 * It takes focus when it appears, so that keyboard and screen-reader users learn at once that the form was refused.
 */
export function ErrorSummary({ error }: { error: ApiError | undefined }) {
  const { m } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) box.current?.focus();
  }, [error]);
  if (!error) return null;
  const jump = (event: MouseEvent, field: string) => {
    const input = document.getElementById(fieldId(field));
    if (!input) return;
    event.preventDefault();
    input.focus();
  };
  return (
    <div ref={box} tabIndex={-1} class="rvo-alert rvo-alert--error rvo-alert--padding-md vb-alert" role="alert" data-testid="error-summary">
      <div class="rvo-alert__container">
        <strong class="vb-alert__title">{error.fields.length > 0 ? m.errors.summaryTitle : m.errors.title}</strong>
        {error.fields.length > 0 ? (
          <ul class="rvo-ul">
            {error.fields.flatMap((field) => field.problems.map((problem) => (
              <li key={`${field.field}:${problem}`}>
                <a class="rvo-link" href={`#${fieldId(field.field)}`} onClick={(event) => jump(event, field.field)}>{problem}</a>
              </li>
            )))}
          </ul>
        ) : (
          <p class="utrecht-paragraph">{error.status === 0 ? m.errors.network : error.message}</p>
        )}
      </div>
    </div>
  );
}
