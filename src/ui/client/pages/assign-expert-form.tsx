import { useEffect, useState } from 'preact/hooks';
import type { CaseState } from '../../../domain/case.state';
import { CONFLICT_OF_INTEREST_CODES, type AssignmentWarning } from '../../../domain/manual-assignment';
import { apiGet, apiPost, queryString } from '../api';
import { ApiError } from '../api-error';
import type { ExpertSummary, Page } from '../api-types';
import { Alert } from '../components/alert';
import { ActionForm } from '../components/action-form';
import { SelectField, TextAreaField } from '../components/form-fields';
import { useI18n } from '../i18n/language';

/** A manual assignment that went through, and the matching rules it set aside. */
export interface Assignment {
  readonly expertName: string;
  readonly warnings: readonly AssignmentWarning[];
}

const CONFLICT_CODES: readonly string[] = Object.values(CONFLICT_OF_INTEREST_CODES);

/**
 * The coordinator's manual assignment: any active expert, since this is the way out when matching found nobody. A
 * refusal for a conflict of interest brings up the field for the reason to override it.
 */
export function AssignExpertForm({ state, refresh, onAssigned }: {
  readonly state: CaseState;
  readonly refresh: () => Promise<void>;
  readonly onAssigned: (assignment: Assignment) => void;
}) {
  const { m } = useI18n();
  const [experts, setExperts] = useState<readonly ExpertSummary[]>([]);
  const [expertId, setExpertId] = useState('');
  const [note, setNote] = useState('');
  // Offered once the API refused this expert for a conflict, and only for them: another expert needs no override.
  const [overrideFor, setOverrideFor] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  useEffect(() => {
    // Experts of the case's category first; the coordinator may still pick anyone active.
    apiGet<Page<ExpertSummary>>(`/experts${queryString({ active: 'true', pageSize: 100 })}`).then((page) => {
      const fits = (expert: ExpertSummary) => (expert.categories.includes(state.category) ? 0 : 1);
      setExperts([...page.items].sort((a, b) => fits(a) - fits(b) || a.name.localeCompare(b.name, 'nl')));
    }, () => setExperts([]));
  }, [state.category]);
  const taken = new Set(state.team.map((member) => member.expertId));
  const overriding = overrideFor !== null && overrideFor === expertId;
  const submit = async () => {
    // A blank reason still goes, so that the API names the field.
    const body = { expertId, ...(note.trim() && { note }), ...(overriding && { override: { reason: overrideReason } }) };
    try {
      const answer = await apiPost<{ readonly warnings?: readonly AssignmentWarning[] }>(`/cases/${state.caseId}/assignments`, body);
      setOverrideFor(null);
      setOverrideReason('');
      onAssigned({ expertName: experts.find((expert) => expert.expertId === expertId)?.name ?? expertId, warnings: answer.warnings ?? [] });
    } catch (failure) {
      if (failure instanceof ApiError && CONFLICT_CODES.includes(failure.code)) setOverrideFor(expertId);
      throw failure;
    }
  };
  return (
    <ActionForm id="assign" title={m.casePage.assign} submitLabel={m.casePage.assignSubmit} onDone={refresh} onSubmit={submit}>
      {(error) => (
        <>
          <SelectField scope="assign" name="expertId" label={m.casePage.assignExpert} value={expertId} onValue={setExpertId} placeholder={m.newCase.choose}
            choices={experts.filter((expert) => !taken.has(expert.expertId))
              .map((expert) => ({ value: expert.expertId, label: `${expert.name} (${expert.homeMunicipality?.name ?? '?'}; ${expert.categories.map((c) => m.category[c]).join(', ')})` }))}
            problems={error?.problemsOf('expertId')} />
          <TextAreaField scope="assign" name="note" label={m.casePage.assignNote} value={note} onValue={setNote} rows={2} problems={error?.problemsOf('note')} />
          {overriding && (
            <>
              <p class="utrecht-paragraph" data-testid="assign-override-hint">{m.casePage.assignOverrideHint}</p>
              <TextAreaField scope="assign" name="override.reason" label={m.casePage.assignOverrideReason} value={overrideReason} onValue={setOverrideReason}
                rows={2} problems={error?.problemsOf('override.reason')} />
            </>
          )}
        </>
      )}
    </ActionForm>
  );
}

/** The remarks on the last manual assignment, kept on screen after the form has gone with the team complete. */
export function AssignmentWarnings({ assignment }: { readonly assignment: Assignment }) {
  const { m } = useI18n();
  if (assignment.warnings.length === 0) return null;
  return (
    <Alert kind="warning" title={m.casePage.assignWarningsTitle(assignment.expertName)} testId="assignment-warnings">
      <ul>{assignment.warnings.map((code) => <li key={code} data-warning={code}>{m.casePage.assignWarning[code]}</li>)}</ul>
    </Alert>
  );
}
