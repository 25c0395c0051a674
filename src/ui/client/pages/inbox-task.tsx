import { useState } from 'preact/hooks';
import { Alert } from '../components/alert';
import { TextAreaField } from '../components/form-fields';
import { useI18n } from '../i18n/language';
import type { InboxTask } from '../../../api-contracts/expert-inbox.contract';
import { inboxActions } from './inbox-api';
import { useInboxAction, type InboxDone } from './inbox-action';
import { InboxDue, urgencyClass } from './inbox-due';
import { errorTitle } from '../error-title';

/** An open preparation task: its case, when it is due, and a form to complete it with its outcome. */
export function InboxTaskItem({ task, now, onDone }: { task: InboxTask; now: number; onDone: InboxDone }) {
  const { m, text } = useI18n();
  const title = text(task.title);
  const action = useInboxAction(onDone);
  const [outcome, setOutcome] = useState('');
  const headingId = `task-${task.caseId}-${task.taskId}`;
  return (
    <li class={`rvo-card rvo-card--outline rvo-card--padding-md ${urgencyClass(task.dueAt, now)}`} data-testid="inbox-task" data-case-id={task.caseId}>
      <article aria-labelledby={headingId}>
        <h3 class="utrecht-heading-3" id={headingId}>{title}</h3>
        <p class="utrecht-paragraph">{m.inbox.caseHeading(task.municipality, m.category[task.category])} · {m.stage[task.stage]}</p>
        <InboxDue label={m.inbox.due} at={task.dueAt} now={now} />
        {action.error && <Alert kind="error" title={errorTitle(action.error, m)}>{action.error.message}</Alert>}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void action.run(() => inboxActions.completeTask(task, outcome), m.inbox.taskCompleted(title));
          }}
        >
          <TextAreaField
            name={`outcome-${task.caseId}-${task.taskId}`} label={m.inbox.outcome} hint={m.inbox.outcomeHint} rows={3}
            requiredText={m.inbox.required} value={outcome} onValue={setOutcome} problems={action.error?.problemsOf('outcome')}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={action.busy} aria-describedby={headingId}>
            {m.inbox.completeTask}
          </button>
        </form>
      </article>
    </li>
  );
}
