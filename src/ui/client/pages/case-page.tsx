import { useEffect, useRef } from 'preact/hooks';
import type { CaseEvent } from '../../../domain/case.events';
import { foldCase, type CaseState } from '../../../domain/case.state';
import { FINAL_STAGES, type CaseStage } from '../../../domain/case.vocabulary';
import { apiGet } from '../api';
import type { CaseView, StoredCaseEvent } from '../api-types';
import { Alert } from '../components/alert';
import { Countdown } from '../components/countdown';
import { PageHeading } from '../components/page-heading';
import { RiskTag } from '../components/risk-tag';
import { StageProgress } from '../components/stage-progress';
import { formatTime } from '../i18n/dates';
import { useI18n } from '../i18n/language';
import { announce } from '../live-region';
import { REGION_NAMES } from '../region-names';
import type { PageProps } from '../routes';
import { usePolling } from '../use-polling';
import { CoordinatorActionsSection, EscalationsSection } from './case-actions-panel';
import { OffersSection, TasksSection, TeamSection, TimelineSection } from './case-sections';

// The stage a rejected or cancelled case was in when it ended: the state just before its last event.
function stageBeforeEnd(state: CaseState, events: readonly StoredCaseEvent[] | undefined): CaseStage | null {
  if (!events || (state.stage !== 'Rejected' && state.stage !== 'Cancelled')) return null;
  try {
    return foldCase(events.slice(0, -1) as unknown as CaseEvent[])?.stage ?? 'Intake';
  } catch {
    return null;
  }
}

/** Earliest open deadline of the state: offers, open tasks, escalations, scheduled follow-ups (as the board's list has it). */
function nextDeadlineOf(state: CaseState): string | null {
  if (FINAL_STAGES.includes(state.stage)) return null;
  const times = [
    ...state.openOffers.map((o) => o.expiresAt),
    ...state.tasks.filter((t) => t.status === 'open').map((t) => t.dueAt),
    ...state.openEscalations.map((e) => e.ackDeadline),
    ...state.followUps.filter((f) => f.status === 'scheduled').map((f) => f.dueAt),
  ].filter((at) => !Number.isNaN(Date.parse(at)));
  return times.length === 0 ? null : times.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
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
      <p class="utrecht-paragraph"><a class="rvo-link" href="/ui/board">{m.casePage.back}</a></p>
      <PageHeading>{state ? m.casePage.heading(state.municipality, m.category[state.category]) : m.casePage.title}</PageHeading>
      {view.error && <Alert kind="error" title={m.errors.title}>{view.error.status === 0 ? m.errors.network : view.error.message}</Alert>}
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
              <dt>{m.casePage.nextDeadline}</dt><dd data-testid="case-deadline"><Countdown at={nextDeadlineOf(state)} /></dd>
              <dt>{m.casePage.region}</dt><dd>{state.municipality}, {REGION_NAMES[state.safetyRegion]}</dd>
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
