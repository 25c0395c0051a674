import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { INTERVENTION_OUTCOMES, type InterventionOutcome } from '../../../domain/case.vocabulary';
import { Alert } from '../components/alert';
import { RiskTag } from '../components/risk-tag';
import { CheckboxField, RadioGroup, TextAreaField } from '../components/form-fields';
import { useI18n } from '../i18n/language';
import { inboxActions, type InboxCaseEntry } from './inbox-api';
import { useInboxAction, type InboxAction, type InboxDone } from './inbox-action';
import { InboxDue, urgencyClass } from './inbox-due';
import { errorTitle } from '../error-title';

/** A case the expert is on: their part, its stage and next deadline, and the report the lead owes in this stage. */
export function InboxCaseItem({ item, now, onDone }: { item: InboxCaseEntry; now: number; onDone: InboxDone }) {
  const { m, dateTime } = useI18n();
  const action = useInboxAction(onDone);
  const headingId = `case-${item.caseId}`;
  const report = item.role === 'lead' ? reportFor(item) : null;
  const owesReport = ['Preparation', 'Intervention', 'FollowUp'].includes(item.stage);
  return (
    <li class={`rvo-card rvo-card--outline rvo-card--padding-md ${urgencyClass(item.nextDeadline?.at ?? null, now)}`} data-testid="inbox-case" data-case-id={item.caseId}>
      <article aria-labelledby={headingId}>
        <h3 class="utrecht-heading-3" id={headingId}>{m.inbox.caseHeading(item.municipality, m.category[item.category])}</h3>
        <InboxDue
          label={item.nextDeadline ? m.deadlineKind[item.nextDeadline.kind] : m.inbox.nextDeadline} at={item.nextDeadline?.at ?? null} now={now}
        />
        <dl class="rvo-data-list vb-inbox-facts">
          <dt>{m.inbox.stage}</dt><dd data-testid="inbox-case-stage">{m.stage[item.stage]}</dd>
          <dt>{m.inbox.myRole}</dt><dd>{m.inbox.role[item.role]}</dd>
          <dt>{m.inbox.risk}</dt><dd><RiskTag risk={item.riskLevel} /></dd>
          <dt>{m.inbox.eventDate}</dt><dd>{item.eventDate ? dateTime(item.eventDate) : m.inbox.noDate}</dd>
        </dl>
        {action.error && <Alert kind="error" title={errorTitle(action.error, m)}>{action.error.message}</Alert>}
        {report === 'session' && <SessionForm item={item} action={action} headingId={headingId} />}
        {report === 'intervention' && <InterventionForm item={item} action={action} headingId={headingId} />}
        {/* Keyed by the follow-up, so that the next one starts with an empty form. */}
        {report === 'followUp' && <FollowUpForm key={item.followUp!.followUpId} item={item} action={action} headingId={headingId} />}
        {item.role === 'support' && owesReport && <p class="utrecht-paragraph">{m.inbox.leadReports}</p>}
      </article>
    </li>
  );
}

type Report = 'session' | 'intervention' | 'followUp';

// What the lead reports in each stage; a follow-up needs its id, which the inbox looked up in the case.
function reportFor(item: InboxCaseEntry): Report | null {
  if (item.stage === 'Preparation') return 'session';
  if (item.stage === 'Intervention') return 'intervention';
  if (item.stage === 'FollowUp' && item.followUp) return 'followUp';
  return null;
}

interface FormProps {
  readonly item: InboxCaseEntry;
  readonly action: InboxAction;
  readonly headingId: string;
}

/** One report the lead sends from a case: a titled form whose submit button names the case it belongs to. */
function ReportForm({ title, submit, action, headingId, send, done, children }: {
  title: string; submit: string; action: InboxAction; headingId: string; send: () => Promise<unknown>; done: string; children: ComponentChildren;
}) {
  return (
    <form onSubmit={(event) => {
      event.preventDefault();
      void action.run(send, done);
    }}>
      <h4 class="utrecht-heading-4">{title}</h4>
      {children}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={action.busy} aria-describedby={headingId}>
        {submit}
      </button>
    </form>
  );
}

function SessionForm({ item, action, headingId }: FormProps) {
  const { m } = useI18n();
  const [outcomes, setOutcomes] = useState('');
  return (
    <ReportForm
      title={m.inbox.holdSession} submit={m.inbox.holdSessionSubmit} action={action} headingId={headingId}
      send={() => inboxActions.holdSession(item.caseId, outcomes)} done={m.inbox.sessionHeld}
    >
      <TextAreaField
        name={`outcomes-${item.caseId}`} label={m.inbox.sessionOutcomes} rows={3} requiredText={m.inbox.required}
        value={outcomes} onValue={setOutcomes} problems={action.error?.problemsOf('outcomes')}
      />
    </ReportForm>
  );
}

function InterventionForm({ item, action, headingId }: FormProps) {
  const { m } = useI18n();
  const [outcome, setOutcome] = useState<InterventionOutcome | ''>('');
  const [notes, setNotes] = useState('');
  return (
    <ReportForm
      title={m.inbox.report} submit={m.inbox.reportSubmit} action={action} headingId={headingId}
      send={() => inboxActions.reportIntervention(item.caseId, outcome, notes)} done={m.inbox.reported}
    >
      <RadioGroup
        name={`outcome-${item.caseId}`} legend={m.inbox.interventionOutcome} value={outcome}
        onValue={(value) => setOutcome(value as InterventionOutcome)} problems={action.error?.problemsOf('outcome')}
        choices={INTERVENTION_OUTCOMES.map((value) => ({ value, label: m.interventionOutcome[value] }))}
      />
      <TextAreaField
        name={`notes-${item.caseId}`} label={m.inbox.notes} rows={3} requiredText={m.inbox.required}
        value={notes} onValue={setNotes} problems={action.error?.problemsOf('notes')}
      />
    </ReportForm>
  );
}

function FollowUpForm({ item, action, headingId }: FormProps) {
  const { m, dateTime } = useI18n();
  const [ongoingRisk, setOngoingRisk] = useState(false);
  const [notes, setNotes] = useState('');
  const followUp = item.followUp!;
  return (
    <ReportForm
      title={m.inbox.followUpOf(dateTime(followUp.dueAt))} submit={m.inbox.followUpSubmit} action={action} headingId={headingId}
      send={() => inboxActions.completeFollowUp(item.caseId, followUp.followUpId, ongoingRisk, notes)} done={m.inbox.followUpDone}
    >
      <CheckboxField name={`ongoing-${item.caseId}`} label={m.inbox.ongoingRisk} checked={ongoingRisk} onChecked={setOngoingRisk} />
      <TextAreaField
        name={`followup-notes-${item.caseId}`} label={m.inbox.notes} rows={3} requiredText={m.inbox.required}
        value={notes} onValue={setNotes} problems={action.error?.problemsOf('notes')}
      />
    </ReportForm>
  );
}
