import { useEffect, useState } from 'preact/hooks';
import type { CaseEventType } from '../../../domain/case.events';
import { ApiError } from '../api-error';
import { Alert } from '../components/alert';
import { RiskTag } from '../components/risk-tag';
import { useI18n } from '../i18n/language';
import { auditApi } from './audit-api';
import type { CaseStateAt, TimelineEntry } from '../../../api-contracts/case-history.contract';
import { clampVersion } from './audit-model';
import { errorTitle } from '../error-title';

/**
 * A slider over the case's versions and the state folded from its events up to the chosen one, so that an auditor can
 * see what was known at each step. The slider is a labelled range input: arrow keys, Home and End move it.
 */
export function AuditStateAtVersion({ caseId, events, version, onVersion }: {
  caseId: string; events: readonly TimelineEntry[]; version: number; onVersion: (version: number) => void;
}) {
  const { m, dateTime, text } = useI18n();
  const [loaded, setLoaded] = useState<CaseStateAt | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const last = events.length;
  useEffect(() => {
    const controller = new AbortController();
    auditApi.stateAt(caseId, version, controller.signal).then(
      (answer) => {
        setLoaded(answer);
        setError(undefined);
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(ApiError.from(failure));
      },
    );
    return () => controller.abort();
  }, [caseId, version]);

  const event = events[version - 1];
  const eventName = event ? m.casePage.event[event.type as CaseEventType] ?? event.type : '';
  const versionText = m.audit.versionText(version, last, eventName, event ? dateTime(event.occurredAt) : '');
  const state = loaded?.version === version ? loaded.state : undefined;
  return (
    <section aria-labelledby="audit-state-heading" class="vb-audit-section" data-testid="audit-state">
      <h2 class="utrecht-heading-2" id="audit-state-heading">{m.audit.stateTitle}</h2>
      <div class="rvo-form-field vb-version-slider">
        <label class="rvo-label" for="audit-version">{m.audit.versionLabel}</label>
        <div class="utrecht-form-field-description" id="audit-version-hint">{m.audit.versionHint}</div>
        <input
          id="audit-version" type="range" min={1} max={Math.max(1, last)} step={1} value={version} class="vb-range"
          aria-valuetext={versionText} aria-describedby="audit-version-hint"
          onInput={(e) => onVersion(clampVersion(Number((e.currentTarget as HTMLInputElement).value), last))}
        />
        <p class="utrecht-paragraph vb-version-text" aria-live="polite" data-testid="audit-version-text">{versionText}</p>
      </div>
      {error && <Alert kind="error" title={errorTitle(error, m)}>{error.message}</Alert>}
      {state ? (
        <dl class="rvo-data-list vb-audit-state" data-testid="audit-state-view" data-version={version}>
          <dt>{m.audit.stage}</dt><dd data-testid="audit-state-stage">{m.stage[state.stage]}</dd>
          <dt>{m.audit.risk}</dt><dd><RiskTag risk={state.riskLevel} /></dd>
          <dt>{m.audit.team}</dt>
          <dd>{state.team.length === 0 ? m.casePage.teamEmpty : state.team.map((member) => `${member.name} (${member.role === 'lead' ? m.casePage.lead : m.casePage.support})`).join(', ')}</dd>
          <dt>{m.audit.offers}</dt><dd>{state.openOffers.length === 0 ? m.casePage.offersEmpty : state.openOffers.map((offer) => offer.expertName).join(', ')}</dd>
          <dt>{m.audit.tasks}</dt>
          <dd>
            {state.tasks.length === 0 ? m.casePage.tasksEmpty : (
              <ul class="rvo-ul">{state.tasks.map((task) => <li key={task.taskId}>{text(task.title)}: {m.casePage.taskStatus[task.status]}</li>)}</ul>
            )}
          </dd>
          <dt>{m.audit.escalations}</dt><dd>{state.openEscalations.length === 0 ? m.casePage.escalationsEmpty : state.openEscalations.map((e) => m.escalationTrigger[e.trigger]).join(', ')}</dd>
          <dt>{m.audit.session}</dt><dd>{state.session ? (state.session.heldAt ? m.audit.sessionHeld(dateTime(state.session.heldAt)) : m.audit.sessionPlanned(dateTime(state.session.scheduledAt))) : m.audit.none}</dd>
          <dt>{m.audit.intervention}</dt><dd>{state.intervention ? m.interventionOutcome[state.intervention.outcome] : m.audit.none}</dd>
          <dt>{m.audit.followUps}</dt><dd>{m.audit.followUpCount(state.followUps.filter((f) => f.status === 'completed').length, state.followUps.length)}</dd>
        </dl>
      ) : !error && <p class="utrecht-paragraph">{m.app.loading}</p>}
    </section>
  );
}
