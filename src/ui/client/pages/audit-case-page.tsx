import { useState } from 'preact/hooks';
import type { CaseCategory } from '../../../domain/case.vocabulary';
import { Alert } from '../components/alert';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/language';
import type { PageProps } from '../page-props';
import { usePolling } from '../use-polling';
import { auditApi } from './audit-api';
import { AuditExport } from './audit-export';
import { clampVersion } from './audit-model';
import { AuditStateAtVersion } from './audit-state';
import { AuditTimelineTable } from './audit-timeline';
import { AuditVerify } from './audit-verify';
import { errorTitle } from '../error-title';

/**
 * The auditor's view of one case at /ui/audit/:id: the verification, the state as of any version, the timeline with
 * actors and hashes, and the export. It only reads: no button here changes the case.
 */
export function AuditCasePage({ params }: PageProps) {
  const { m } = useI18n();
  const caseId = params.id;
  const timeline = usePolling((signal) => auditApi.timeline(caseId, signal), [caseId]);
  // Until the auditor moves the slider it follows the newest version, which polling keeps current.
  const [chosen, setChosen] = useState<number | null>(null);
  const events = timeline.data?.events ?? [];
  const version = chosen === null ? events.length : clampVersion(chosen, events.length);
  const request = events[0]?.data.request as { municipality?: string; category?: CaseCategory } | undefined;
  const heading = request?.municipality && request.category
    ? m.audit.caseTitle(request.municipality, m.category[request.category])
    : m.audit.caseTitleFallback;
  return (
    <div data-testid="audit-case-page">
      <p class="utrecht-paragraph"><a class="rvo-link" href="/ui/audit">{m.audit.back}</a></p>
      <PageHeading>{heading}</PageHeading>
      <p class="utrecht-paragraph">{m.audit.caseNumber}: <span class="vb-case-id">{caseId}</span></p>
      {timeline.error && <Alert kind="error" title={errorTitle(timeline.error, m)}>{timeline.error.status === 0 ? m.errors.network : timeline.error.message}</Alert>}
      {timeline.data === undefined && !timeline.error && <p class="utrecht-paragraph">{m.app.loading}</p>}
      {events.length > 0 && (
        <>
          <AuditVerify caseId={caseId} />
          <AuditStateAtVersion caseId={caseId} events={events} version={version} onVersion={setChosen} />
          <AuditTimelineTable events={events} selectedVersion={version} />
          <AuditExport caseId={caseId} />
        </>
      )}
    </div>
  );
}
