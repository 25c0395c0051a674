import { useState } from 'preact/hooks';
import { Alert } from '../components/alert';
import { CodeText } from '../components/code-text';
import { useI18n } from '../i18n/language';
import { announce } from '../live-region';
import { useSubmission } from '../use-submission';
import { downloadAuditExport } from './audit-api';
import { errorTitle } from '../error-title';

/** The download of the case's self-contained audit bundle, for `brigade audit verify <file>` to check offline. */
export function AuditExport({ caseId }: { caseId: string }) {
  const { m } = useI18n();
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const { busy, error, run } = useSubmission();
  const download = () => run(async () => {
    const fileName = await downloadAuditExport(caseId);
    setSaved(fileName);
    announce(m.audit.exported(fileName));
  });
  return (
    <section aria-labelledby="audit-export-heading" class="vb-audit-section">
      <h2 class="utrecht-heading-2" id="audit-export-heading">{m.audit.exportTitle}</h2>
      <p class="utrecht-paragraph"><CodeText text={m.audit.exportIntro} /></p>
      {error && <Alert kind="error" title={errorTitle(error, m)}>{error.status === 0 ? m.errors.network : error.message}</Alert>}
      {saved && <p class="utrecht-paragraph" data-testid="audit-export-saved">{m.audit.exported(saved)}</p>}
      <button type="button" class="utrecht-button utrecht-button--primary-action" disabled={busy} onClick={() => void download()} data-action="download">
        {busy ? m.audit.exporting : m.audit.exportButton}
      </button>
    </section>
  );
}
