import { useState } from 'preact/hooks';
import { ERASURE_REASONS, type ErasureReason, type ErasureSubjectKind } from '../../../domain/retention/erasure';
import { Alert } from '../components/alert';
import { RadioGroup, SelectField, TextField } from '../components/form-fields';
import { errorTitle } from '../error-title';
import { useI18n } from '../i18n/language';
import { useSubmission } from '../use-submission';
import { retentionApi } from './retention-api';

/** Registers an erasure request for an office holder (by a case they appear in) or an expert who left the pool. */
export function ErasureRequestForm({ onDone }: { onDone: () => Promise<void> }) {
  const { m } = useI18n();
  const [kind, setKind] = useState<ErasureSubjectKind>('officeHolder');
  const [subject, setSubject] = useState('');
  const [reason, setReason] = useState<ErasureReason>('data_subject_request');
  const submission = useSubmission();
  const submit = async (event: Event) => {
    event.preventDefault();
    const sent = await submission.run(() => retentionApi.request({
      subjectKind: kind, reason, ...(kind === 'officeHolder' ? { caseId: subject.trim() } : { expertId: subject.trim() }),
    }));
    if (sent) {
      setSubject('');
      await onDone();
    }
  };
  const problems = (field: string) => submission.error?.problemsOf(field) ?? [];
  return (
    <form class="vb-form" onSubmit={(event) => void submit(event)} data-testid="erasure-request-form" noValidate>
      <h3 class="utrecht-heading-3">{m.retention.newRequest}</h3>
      <RadioGroup name="erasure-kind" legend={m.retention.subjectKind} value={kind} onValue={(value) => setKind(value as ErasureSubjectKind)}
        choices={[{ value: 'officeHolder', label: m.retention.kindOfficeHolder }, { value: 'expert', label: m.retention.kindExpert }]} />
      <TextField name="erasure-subject" label={kind === 'officeHolder' ? m.retention.caseIdLabel : m.retention.expertIdLabel} value={subject} onValue={setSubject}
        required problems={problems(kind === 'officeHolder' ? 'caseId' : 'expertId')} />
      <SelectField name="erasure-reason" label={m.retention.reasonLabel} value={reason} onValue={(value) => setReason(value as ErasureReason)}
        choices={ERASURE_REASONS.map((value) => ({ value, label: m.retention.reason[value] }))} />
      {submission.error && submission.error.fields.length === 0 && <Alert kind="error" title={errorTitle(submission.error, m)}>{submission.error.message}</Alert>}
      <p class="utrecht-paragraph">
        <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-md" disabled={submission.busy}>{m.retention.submitRequest}</button>
      </p>
    </form>
  );
}
