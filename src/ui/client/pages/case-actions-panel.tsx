import { useState } from 'preact/hooks';
import type { CaseState } from '../../../domain/case.state';
import { RISK_LEVELS } from '../../../domain/case.vocabulary';
import { apiPost } from '../api';
import { coordinatorActions, withheldActions, type CoordinatorAction, type WithheldAction } from '../case-actions';
import { ActionForm } from '../components/action-form';
import { Countdown } from '../components/countdown';
import { DateTimeField } from '../components/date-time-field';
import { RadioGroup, SelectField, TextAreaField } from '../components/form-fields';
import { dateTimeToSend } from '../date-time-check';
import { refusalText } from '../i18n/coded-texts';
import { useI18n } from '../i18n/language';
import { AssignExpertForm, AssignmentWarnings, type Assignment } from './assign-expert-form';

interface PanelProps {
  readonly state: CaseState;
  readonly refresh: () => Promise<void>;
}

/** Open escalations, each with its ladder level, deadline and an acknowledge button. */
export function EscalationsSection({ state, refresh }: PanelProps) {
  const { m, dateTime, text } = useI18n();
  return (
    <section aria-labelledby="case-escalations" class="vb-section">
      <h2 class="utrecht-heading-2" id="case-escalations">{m.casePage.escalations}</h2>
      {state.openEscalations.length === 0 ? <p class="utrecht-paragraph">{m.casePage.escalationsEmpty}</p> : (
        <ul class="vb-cards">
          {state.openEscalations.map((escalation) => (
            <li key={escalation.escalationId} class="vb-card vb-card--warning" data-testid="case-escalation" data-escalation-id={escalation.escalationId}>
              <p class="vb-card__title">{m.escalationTrigger[escalation.trigger]}: {text(escalation.reason)}</p>
              <p class="utrecht-paragraph">{m.casePage.escalationLevel(escalation.level, m.escalationTarget[escalation.target])}</p>
              <p class="utrecht-paragraph">{m.casePage.acknowledgeBefore(dateTime(escalation.ackDeadline))} — <Countdown at={escalation.ackDeadline} /></p>
              <ActionForm
                id={`ack-${escalation.escalationId}`} title={m.casePage.acknowledge} submitLabel={m.casePage.acknowledge}
                onSubmit={() => apiPost(`/cases/${state.caseId}/escalations/${encodeURIComponent(escalation.escalationId)}/acknowledge`)}
                onDone={refresh}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The decisions the coordinator may take in the case's current stage, each a small form. */
export function CoordinatorActionsSection({ state, refresh }: PanelProps) {
  const { m } = useI18n();
  const actions = coordinatorActions(state);
  const withheld = withheldActions(state);
  // Kept here, not in the form: the last assignment may complete the team, which takes the form away.
  const [assignment, setAssignment] = useState<Assignment | undefined>(undefined);
  return (
    <section aria-labelledby="case-actions" class="vb-section">
      <h2 class="utrecht-heading-2" id="case-actions">{m.casePage.actions}</h2>
      {assignment && <AssignmentWarnings assignment={assignment} />}
      {actions.length === 0 && withheld.length === 0 ? <p class="utrecht-paragraph">{m.casePage.actionsNone}</p> : (
        <div class="vb-actions-grid">
          {actions.map((action) => <ActionFor key={action} action={action} state={state} refresh={refresh} onAssigned={setAssignment} />)}
        </div>
      )}
      {withheld.map(({ action, reason }) => <WithheldNote key={action} action={action} reason={reason} />)}
    </section>
  );
}

/** Why an action the stage allows is not offered yet, in the words of the refusal the API would give. */
function WithheldNote({ action, reason }: WithheldAction) {
  const { m, language } = useI18n();
  const titles: Record<CoordinatorAction, string> = {
    triage: m.casePage.triage, assign: m.casePage.assign, appointLead: m.casePage.appointLead, returnedTasks: m.casePage.returnedTask,
    scheduleSession: m.casePage.scheduleSession, holdSession: m.casePage.holdSession, changeRisk: m.casePage.changeRisk,
    evaluate: m.casePage.evaluate, close: m.casePage.close, cancel: m.casePage.cancelCase,
  };
  return <p class="utrecht-paragraph" data-testid="withheld-action" data-action={action}>{titles[action]}: {refusalText(language, reason) ?? reason.code}</p>;
}

function ActionFor({ action, state, refresh, onAssigned }: PanelProps & { action: CoordinatorAction; onAssigned: (assignment: Assignment) => void }) {
  switch (action) {
    case 'triage': return <TriageForm state={state} refresh={refresh} />;
    case 'assign': return <AssignExpertForm state={state} refresh={refresh} onAssigned={onAssigned} />;
    case 'appointLead': return <AppointLeadForm state={state} refresh={refresh} />;
    case 'returnedTasks': return <ReturnedTaskForm state={state} refresh={refresh} />;
    case 'scheduleSession': return <ScheduleSessionForm state={state} refresh={refresh} />;
    case 'holdSession': return <TextDecisionForm state={state} refresh={refresh} kind="holdSession" />;
    case 'changeRisk': return <ChangeRiskForm state={state} refresh={refresh} />;
    case 'evaluate': return <TextDecisionForm state={state} refresh={refresh} kind="evaluate" />;
    case 'close': return <TextDecisionForm state={state} refresh={refresh} kind="close" />;
    case 'cancel': return <TextDecisionForm state={state} refresh={refresh} kind="cancel" />;
    default: return assertNever(action);
  }
}

function assertNever(value: never): never {
  throw new Error(`no form for the action ${String(value)}`);
}

function TriageForm({ state, refresh }: PanelProps) {
  const { m } = useI18n();
  const [decision, setDecision] = useState<'accept' | 'reject'>('accept');
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      id="triage" title={m.casePage.triage} submitLabel={m.casePage.triageSubmit} onDone={refresh}
      onSubmit={() => apiPost(`/cases/${state.caseId}/triage`, decision === 'reject' || reason.trim() ? { decision, reason } : { decision })}
    >
      {(error) => (
        <>
          <RadioGroup scope="triage" name="decision" legend={m.casePage.triageDecision} value={decision} onValue={(value) => setDecision(value as 'accept' | 'reject')}
            choices={[{ value: 'accept', label: m.casePage.triageAccept }, { value: 'reject', label: m.casePage.triageReject }]} problems={error?.problemsOf('decision')} />
          <TextAreaField scope="triage" name="reason" label={m.casePage.reason} value={reason} onValue={setReason} rows={2} problems={error?.problemsOf('reason')} />
        </>
      )}
    </ActionForm>
  );
}

function AppointLeadForm({ state, refresh }: PanelProps) {
  const { m } = useI18n();
  const [expertId, setExpertId] = useState('');
  return (
    <ActionForm
      id="lead" title={m.casePage.appointLead} submitLabel={m.casePage.appointLeadSubmit} onDone={refresh}
      onSubmit={() => apiPost(`/cases/${state.caseId}/lead`, { expertId })}
    >
      {(error) => (
        <SelectField scope="lead" name="expertId" label={m.casePage.teamMember} value={expertId} onValue={setExpertId} placeholder={m.newCase.choose}
          choices={state.team.map((member) => ({ value: member.expertId, label: member.name }))} problems={error?.problemsOf('expertId')} />
      )}
    </ActionForm>
  );
}

/** A task that came back from a deactivated expert: passed on to a team member, or completed by the coordinator. */
function ReturnedTaskForm({ state, refresh }: PanelProps) {
  const { m, text } = useI18n();
  const returned = state.tasks.filter((task) => task.status === 'open' && task.assigneeId === null);
  const [taskId, setTaskId] = useState(returned[0]?.taskId ?? '');
  const [how, setHow] = useState<'reassign' | 'complete'>('reassign');
  const [expertId, setExpertId] = useState('');
  const [outcome, setOutcome] = useState('');
  const task = encodeURIComponent(taskId);
  return (
    <ActionForm
      id="returned-task" title={m.casePage.returnedTask} submitLabel={how === 'reassign' ? m.casePage.reassignSubmit : m.casePage.completeSubmit} onDone={refresh}
      onSubmit={() => (how === 'reassign'
        ? apiPost(`/cases/${state.caseId}/tasks/${task}/reassign`, { expertId })
        : apiPost(`/cases/${state.caseId}/tasks/${task}/complete`, { outcome }))}
    >
      {(error) => (
        <>
          <SelectField scope="returned-task" name="taskId" label={m.casePage.colTask} value={taskId} onValue={setTaskId}
            choices={returned.map((t) => ({ value: t.taskId, label: text(t.title) }))} />
          <RadioGroup scope="returned-task" name="how" legend={m.casePage.returnedHow} value={how} onValue={(value) => setHow(value as 'reassign' | 'complete')}
            choices={[{ value: 'reassign', label: m.casePage.returnedReassign }, { value: 'complete', label: m.casePage.returnedComplete }]} />
          {how === 'reassign'
            ? <SelectField scope="returned-task" name="expertId" label={m.casePage.teamMember} value={expertId} onValue={setExpertId} placeholder={m.newCase.choose}
              choices={state.team.map((member) => ({ value: member.expertId, label: member.name }))} problems={error?.problemsOf('expertId')} />
            : <TextAreaField scope="returned-task" name="outcome" label={m.inbox.outcome} value={outcome} onValue={setOutcome} rows={2} problems={error?.problemsOf('outcome')} />}
        </>
      )}
    </ActionForm>
  );
}

function ScheduleSessionForm({ state, refresh }: PanelProps) {
  const { m } = useI18n();
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const send = () => {
    const scheduledAt = dateTimeToSend(when, 'scheduledAt', m.casePage.sessionAt, m, { required: true });
    return apiPost(`/cases/${state.caseId}/session`, note.trim() ? { scheduledAt, note } : { scheduledAt });
  };
  return (
    <ActionForm
      id="schedule" title={m.casePage.scheduleSession} submitLabel={m.casePage.scheduleSubmit} onDone={refresh}
      onSubmit={send}
    >
      {(error) => (
        <>
          <DateTimeField scope="schedule" name="scheduledAt" label={m.casePage.sessionAt} requiredText={m.newCase.required} value={when} onValue={setWhen} problems={error?.problemsOf('scheduledAt')} />
          <TextAreaField scope="schedule" name="note" label={m.casePage.sessionNote} value={note} onValue={setNote} rows={2} problems={error?.problemsOf('note')} />
        </>
      )}
    </ActionForm>
  );
}

function ChangeRiskForm({ state, refresh }: PanelProps) {
  const { m } = useI18n();
  const [level, setLevel] = useState('');
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      id="risk" title={m.casePage.changeRisk} submitLabel={m.casePage.changeRiskSubmit} onDone={refresh} doneText={m.casePage.riskSent}
      onSubmit={() => apiPost(`/cases/${state.caseId}/risk`, { level: level || undefined, reason })}
    >
      {(error) => (
        <>
          <SelectField scope="risk" name="level" label={m.casePage.newRisk} value={level} onValue={setLevel} placeholder={m.newCase.choose}
            choices={RISK_LEVELS.filter((risk) => risk !== state.riskLevel).map((value) => ({ value, label: m.risk[value] }))} problems={error?.problemsOf('level')} />
          <TextAreaField scope="risk" name="reason" label={m.casePage.reason} value={reason} onValue={setReason} rows={2} problems={error?.problemsOf('reason')} />
        </>
      )}
    </ActionForm>
  );
}

/** The decisions that take one text: hold the session (outcomes), evaluate (summary), close (optional summary), cancel (reason). */
function TextDecisionForm({ state, refresh, kind }: PanelProps & { kind: 'holdSession' | 'evaluate' | 'close' | 'cancel' }) {
  const { m } = useI18n();
  const [text, setText] = useState('');
  const spec = {
    holdSession: { path: 'session/held', field: 'outcomes', optional: false, title: m.casePage.holdSession, label: m.casePage.sessionOutcomes, submit: m.casePage.holdSubmit },
    evaluate: { path: 'evaluation', field: 'summary', optional: false, title: m.casePage.evaluate, label: m.casePage.evaluationSummary, submit: m.casePage.evaluateSubmit },
    close: { path: 'close', field: 'summary', optional: true, title: m.casePage.close, label: m.casePage.closeSummary, submit: m.casePage.closeSubmit },
    cancel: { path: 'cancel', field: 'reason', optional: false, title: m.casePage.cancelCase, label: m.casePage.reason, submit: m.casePage.cancelSubmit },
  }[kind];
  return (
    <ActionForm
      id={kind} title={spec.title} submitLabel={spec.submit} danger={kind === 'cancel'} onDone={refresh}
      onSubmit={() => apiPost(`/cases/${state.caseId}/${spec.path}`, spec.optional && !text.trim() ? {} : { [spec.field]: text })}
    >
      {(error) => (
        <TextAreaField scope={kind} name={spec.field} label={spec.label} value={text} onValue={setText} rows={3} problems={error?.problemsOf(spec.field)} />
      )}
    </ActionForm>
  );
}
