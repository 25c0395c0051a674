import { useState } from 'preact/hooks';
import {
  CASE_CATEGORIES, MEDIA_ATTENTION_LEVELS, REQUESTER_ROLES,
} from '../../../domain/case.vocabulary';
import { apiPost } from '../api';
import type { RegisteredCase } from '../../../api-contracts/cases.contract';
import { ErrorSummary } from '../components/error-summary';
import { DateTimeField } from '../components/date-time-field';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/form-fields';
import { PageHeading } from '../components/page-heading';
import { dateTimeToSend } from '../date-time-check';
import { useI18n } from '../i18n/language';
import { announce } from '../live-region';
import { MUNICIPALITY_CHOICES, safetyRegionOfChoice } from '../municipality-choice';
import { navigate } from '../navigation';
import { registerCaseBody, type NewCaseForm } from '../new-case-body';
import { REGION_NAMES } from '../region-names';
import type { PageProps } from '../page-props';
import { useSubmission } from '../use-submission';

const EMPTY: NewCaseForm = {
  category: '', municipality: '', requesterRole: '', description: '', eventDate: '',
  officeHolderName: '', officeHolderOffice: '', officeHolderDetails: '',
  threatsReceived: false, expectedAttendance: '', priorIncidents: '', mediaAttention: '', onlineAgitation: false, officeHolderPersonallyTargeted: false,
};

/**
 * The new-request form: the fields of `POST /cases`. It checks only that the date reads as a date (the API takes RFC 3339,
 * not what people type); the API's validation is the one rule, and its problems appear next to each field and in a
 * summary at the top, one message per problem in the page's language.
 */
export function NewCasePage(_props: PageProps) {
  const { m } = useI18n();
  const [form, setForm] = useState<NewCaseForm>(EMPTY);
  const { busy, error, run } = useSubmission();
  // One key for this form: a double click or a retry after a lost answer registers the request once.
  const [idempotencyKey] = useState(() => `ui-${crypto.randomUUID()}`);
  const set = <K extends keyof NewCaseForm>(key: K) => (value: NewCaseForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const problems = (field: string) => error?.problemsOf(field);
  const required = m.newCase.required;
  const region = safetyRegionOfChoice(form.municipality);
  const regionHint = region ? m.newCase.safetyRegionOf(REGION_NAMES[region]) : m.newCase.municipalityHint;

  const submit = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      // Blank means the case has no date; what cannot be read is refused here, before anything is sent.
      dateTimeToSend(form.eventDate, 'eventDate', m.newCase.eventDate, m);
      const registered = await apiPost<RegisteredCase>('/cases', registerCaseBody(form), { headers: { 'Idempotency-Key': idempotencyKey } });
      announce(m.newCase.registered);
      navigate(`/ui/cases/${registered.caseId}`);
    });
  };

  return (
    <div>
      <PageHeading>{m.newCase.title}</PageHeading>
      <p class="utrecht-paragraph">{m.newCase.intro}</p>
      <ErrorSummary error={error} />
      <form class="vb-form" onSubmit={submit} noValidate aria-busy={busy}>
        <SelectField name="category" label={m.newCase.category} requiredText={required} value={form.category} onValue={set('category')}
          placeholder={m.newCase.choose} choices={CASE_CATEGORIES.map((value) => ({ value, label: m.category[value] }))} problems={problems('category')} />
        {/* A name typed or picked from the register's list; the API gets its code, so a look-alike spelling is refused. */}
        <TextField name="municipalityCode" label={m.newCase.municipality} requiredText={required} value={form.municipality} onValue={set('municipality')}
          hint={regionHint} problems={problems('municipalityCode')} autoComplete="off" list="municipality-choices" />
        <datalist id="municipality-choices">
          {MUNICIPALITY_CHOICES.map((choice) => <option key={choice.code} value={choice.name} />)}
        </datalist>
        <SelectField name="requesterRole" label={m.newCase.requesterRole} requiredText={required} value={form.requesterRole} onValue={set('requesterRole')}
          placeholder={m.newCase.choose} choices={REQUESTER_ROLES.map((value) => ({ value, label: m.requesterRole[value] }))} problems={problems('requesterRole')} />
        <TextAreaField name="description" label={m.newCase.description} requiredText={required} value={form.description} onValue={set('description')}
          problems={problems('description')} rows={5} />
        <DateTimeField name="eventDate" label={m.newCase.eventDate} hint={m.newCase.eventDateHint} value={form.eventDate}
          onValue={set('eventDate')} problems={problems('eventDate')} />

        <fieldset class="vb-fieldset vb-form-section">
          <legend class="rvo-label vb-legend">{m.newCase.officeHolder}</legend>
          <TextField name="officeHolder.name" label={m.newCase.officeHolderName} value={form.officeHolderName} onValue={set('officeHolderName')}
            problems={problems('officeHolder.name')} autoComplete="off" />
          <TextField name="officeHolder.office" label={m.newCase.officeHolderOffice} value={form.officeHolderOffice} onValue={set('officeHolderOffice')}
            problems={problems('officeHolder.office')} autoComplete="off" />
          <TextAreaField name="officeHolder.details" label={m.newCase.officeHolderDetails} value={form.officeHolderDetails} onValue={set('officeHolderDetails')}
            problems={problems('officeHolder.details')} rows={3} />
        </fieldset>

        <fieldset class="vb-fieldset vb-form-section">
          <legend class="rvo-label vb-legend">{m.newCase.indicators}</legend>
          <CheckboxField name="indicators.threatsReceived" label={m.newCase.threatsReceived} checked={form.threatsReceived}
            onChecked={set('threatsReceived')} problems={problems('indicators.threatsReceived')} />
          <CheckboxField name="indicators.onlineAgitation" label={m.newCase.onlineAgitation} checked={form.onlineAgitation}
            onChecked={set('onlineAgitation')} problems={problems('indicators.onlineAgitation')} />
          <CheckboxField name="indicators.officeHolderPersonallyTargeted" label={m.newCase.officeHolderPersonallyTargeted} checked={form.officeHolderPersonallyTargeted}
            onChecked={set('officeHolderPersonallyTargeted')} problems={problems('indicators.officeHolderPersonallyTargeted')} />
          <TextField name="indicators.expectedAttendance" type="text" inputMode="numeric" label={m.newCase.expectedAttendance} value={form.expectedAttendance}
            onValue={set('expectedAttendance')} problems={problems('indicators.expectedAttendance')} />
          <TextField name="indicators.priorIncidents" type="text" inputMode="numeric" label={m.newCase.priorIncidents} value={form.priorIncidents}
            onValue={set('priorIncidents')} problems={problems('indicators.priorIncidents')} />
          <SelectField name="indicators.mediaAttention" label={m.newCase.mediaAttention} value={form.mediaAttention} onValue={set('mediaAttention')}
            placeholder={m.newCase.choose} choices={MEDIA_ATTENTION_LEVELS.map((value) => ({ value, label: m.mediaAttention[value] }))}
            problems={problems('indicators.mediaAttention')} />
        </fieldset>

        <div class="vb-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-md" disabled={busy}>
            {busy ? m.newCase.submitting : m.newCase.submit}
          </button>
          <a class="rvo-link" href="/ui/board">{m.newCase.cancel}</a>
        </div>
      </form>
    </div>
  );
}
