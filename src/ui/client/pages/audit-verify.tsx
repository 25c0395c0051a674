import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api-error';
import { Alert } from '../components/alert';
import { useI18n } from '../i18n/language';
import { announce } from '../live-region';
import { auditApi } from './audit-api';
import { auditChecks, type AuditVerification } from './audit-model';
import { errorTitle } from '../error-title';

interface VerifyState {
  readonly busy: boolean;
  readonly result: AuditVerification | undefined;
  readonly error: ApiError | undefined;
}

/**
 * The case's verification: the hash chain, the fold of its events, the read model and the replay of its workflows with
 * today's code. It runs when the page opens (a replay takes a few seconds) and again on request.
 */
export function AuditVerify({ caseId }: { caseId: string }) {
  const { m } = useI18n();
  const [state, setState] = useState<VerifyState>({ busy: true, result: undefined, error: undefined });
  const running = useRef<AbortController | null>(null);
  const verify = async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState((previous) => ({ ...previous, busy: true, error: undefined }));
    try {
      const result = await auditApi.verify(caseId, controller.signal);
      if (controller.signal.aborted) return;
      setState({ busy: false, result, error: undefined });
      announce(result.valid ? m.audit.verifiedAnnouncement : m.audit.notVerifiedAnnouncement);
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ busy: false, result: undefined, error: ApiError.from(error) });
    }
  };
  useEffect(() => {
    void verify();
    return () => running.current?.abort();
  }, [caseId]);

  const { result } = state;
  return (
    <section aria-labelledby="audit-verify-heading" class="vb-audit-section" data-testid="audit-verify" aria-busy={state.busy}>
      <h2 class="utrecht-heading-2" id="audit-verify-heading">{m.audit.verifyTitle}</h2>
      <p class="utrecht-paragraph">{m.audit.verifyIntro}</p>
      {state.busy && <p class="utrecht-paragraph" role="status">{m.audit.verifying}</p>}
      {state.error && <Alert kind="error" title={errorTitle(state.error, m)}>{state.error.status === 0 ? m.errors.network : state.error.message}</Alert>}
      {result && (
        <div data-testid="audit-verify-result" data-valid={String(result.valid)}>
          <Alert kind={result.valid ? 'success' : 'error'} title={result.valid ? m.audit.verified : m.audit.notVerified} />
          <ul class="rvo-ul vb-audit-checks">
            {auditChecks(result).map((check) => (
              <li key={check.name} data-check={check.name} data-passed={String(check.passed)}>
                <strong>{m.audit.check[check.name]}</strong>
                {check.name === 'chain' && ` (${m.audit.eventCount(result.chain.eventCount)})`}: {' '}
                <span class={`rvo-tag ${check.passed === null ? 'rvo-tag--info' : check.passed ? 'rvo-tag--success' : 'rvo-tag--error'}`}>
                  {check.passed === null ? m.audit.notApplicable : check.passed ? m.audit.passed : m.audit.failed}
                </span>
                {check.problem && <span class="vb-audit-problem"> {check.problem}</span>}
              </li>
            ))}
          </ul>
          <h3 class="utrecht-heading-3">{m.audit.workflows}</h3>
          <ul class="rvo-ul vb-audit-workflows">
            {result.replay.workflows.map((workflow) => (
              <li key={workflow.workflowId}>
                <code>{workflow.workflowId}</code>: {m.audit.replayStatus[workflow.status]}{workflow.message ? ` — ${workflow.message}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" class="utrecht-button utrecht-button--secondary-action" disabled={state.busy} onClick={() => void verify()} data-action="verify">
        {m.audit.verifyAgain}
      </button>
    </section>
  );
}
