import { useEffect, useRef } from 'preact/hooks';
import type { CaseEvent } from '../../../domain/case.events';
import { foldCase, type CaseState } from '../../../domain/case.state';
import type { CaseStage } from '../../../domain/case.vocabulary';
import { nextDeadline } from '../../../domain/next-deadline';
import { apiGet } from '../api';
import type { CaseView } from '../../../api-contracts/cases.contract';
import type { StoredCaseEvent } from '../api-types';
import { casePlace } from '../case-place';
import { Alert } from '../components/alert';
import { Countdown } from '../components/countdown';
import { PageHeading } from '../components/page-heading';
import { RiskTag } from '../components/risk-tag';
import { StageProgress } from '../components/stage-progress';
import { formatTime } from '../i18n/dates';
import { useI18n } from '../i18n/language';
import { announce } from '../live-region';
import type { PageProps } from '../page-props';
import { usePolling } from '../use-polling';
import { CoordinatorActionsSection, EscalationsSection } from './case-actions-panel';
import { OffersSection, TasksSection, TeamSection, TimelineSection } from './case-sections';
import { errorTitle } from '../error-title';

// The stage a rejected or cancelled case was in when it ended: the state just before its last event.
function stageBeforeEnd(state: CaseState, events: readonly StoredCaseEvent[] | undefined): CaseStage | null {
  if (!events || (state.stage !== 'Rejected' && state.stage !== 'Cancelled')) return null;
  try {
    return foldCase(events.slice(0, -1) as unknown as CaseEvent[])?.stage ?? 'Intake';
  } catch {
    return null;
  }
}

/** A case for the coordinator: its stage line, summary, team, tasks, offers, escalations, actions and timeline, live. */
export function CasePage({ params }: PageProps) {
  const { m, dateTime, language, text } = useI18n();
  const id = params.id;
  const view = usePolling((signal) => apiGet<CaseView>(`/cases/${encodeURIComponent(id)}`, { signal }), [id]);
  const events = usePolling((signal) => apiGet<StoredCaseEvent[]>(`/cases/${encodeURIComponent(id)}/events`, { signal }), [id]);
  const state = view.data ? view.data.live ?? view.data.recorded : null;
  const refresh = async () => {
    await Promise.all([view.refresh(), events.refresh()]);
  };

  // A stage change made elsewhere (an expert accepting, a timer firing) is announced, not only drawn.
  const lastStage = useRef<CaseStage | null>(null);
  useEffect(() => {
    if (!state) return;
    if (lastStage.current !== null && lastStage.current !== state.stage) announce(m.casePage.stageChanged(m.stage[state.stage]));
    lastStage.current = state.stage;
  }, [state?.stage]);

  if (view.error?.status === 404 || (view.error?.status === 400 && !state)) {
    return (
      <div>
        <PageHeading>{m.casePage.title}</PageHeading>
        <Alert kind="error">{m.casePage.notFound}</Alert>
        <p class="utrecht-paragraph"><a class="rvo-link" href="/ui/board">{m.casePage.back}</a></p>
      </div>
    );
  }

  return (
    <div class="vb-case">
      <p class="utrecht-paragraph vb-actions">
        <a class="rvo-link" href="/ui/board">{m.casePage.back}</a>
        <a class="rvo-link" href={`/ui/outbox?caseId=${encodeURIComponent(id)}`} data-testid="case-outbox-link">{m.casePage.outboxLink}</a>
      </p>
      <PageHeading>{state ? m.casePage.heading(state.municipality, m.category[state.category]) : m.casePage.title}</PageHeading>
      {view.error && <Alert kind="error" title={errorTitle(view.error, m)}>{view.error.status === 0 ? m.errors.network : view.error.message}</Alert>}
      {!state && !view.error && <p class="utrecht-paragraph">{m.app.loading}</p>}
      {view.updatedAt && <p class="vb-updated">{m.app.updatedAt(formatTime(view.updatedAt, language))}</p>}
      {state && (
        <>
          <StageProgress stage={state.stage} stoppedAt={stageBeforeEnd(state, events.data)} />
          <section aria-labelledby="case-summary" class="vb-section">
            <h2 class="utrecht-heading-2" id="case-summary">{m.casePage.summary}</h2>
            <dl class="vb-facts">
              <dt>{m.casePage.caseNumber}</dt><dd class="vb-mono">{state.caseId}</dd>
              <dt>{m.casePage.currentStage}</dt><dd>{m.stage[state.stage]}</dd>
              <dt>{m.riskPrefix}</dt><dd><RiskTag risk={state.riskLevel} /></dd>
              <dt>{m.casePage.nextDeadline}</dt><dd data-testid="case-deadline"><NextDeadlineFact state={state} /></dd>
              <dt>{m.casePage.municipality}</dt><dd data-testid="case-municipality">{casePlace(state).municipality}</dd>
              <dt>{m.casePage.region}</dt><dd data-testid="case-region">{casePlace(state).safetyRegion}</dd>
              <dt>{m.casePage.requesterRole}</dt><dd>{m.requesterRole[state.requesterRole]}</dd>
              <dt>{m.casePage.eventDate}</dt><dd>{state.eventDate ? dateTime(state.eventDate) : m.casePage.noDate}</dd>
              {state.session && (<><dt>{m.casePage.sessionAt}</dt><dd>{dateTime(state.session.heldAt ?? state.session.scheduledAt)}</dd></>)}
              <dt>{m.casePage.received}</dt><dd>{dateTime(state.receivedAt)}</dd>
              {state.riskReasons.length > 0 && (<><dt>{m.casePage.riskReasons}</dt><dd><ul class="rvo-ul">{state.riskReasons.map((reason, i) => <li key={i}>{text(reason)}</li>)}</ul></dd></>)}
            </dl>
          </section>
          <EscalationsSection state={state} refresh={refresh} />
          <CoordinatorActionsSection state={state} refresh={refresh} />
          <TeamSection state={state} />
          <TasksSection state={state} />
          <OffersSection state={state} />
        </>
      )}
      <TimelineSection events={events.data} />
    </div>
  );
}

/** The case's next deadline by the rule the board and the inbox use, with what it belongs to, as the board shows it. */
function NextDeadlineFact({ state }: { state: CaseState }) {
  const { m } = useI18n();
  const next = nextDeadline(state);
  return (
    <>
      {next && <span class="vb-muted vb-block" data-kind={next.kind}>{m.deadlineKind[next.kind]}</span>}
      <Countdown at={next?.at ?? null} />
    </>
  );
}
