import { useState } from 'preact/hooks';
import { SAFETY_REGIONS } from '../../../domain/case.vocabulary';
import { NOTIFICATION_LANGUAGES, PARTNERS } from '../../../domain/notifications/notification-kinds';
import type { PartnerContactView } from '../../../api-contracts/partner-contacts.contract';
import { ErrorSummary } from '../components/error-summary';
import { RadioGroup, SelectField, TextField } from '../components/form-fields';
import { useI18n } from '../i18n/language';
import { announce } from '../live-region';
import {
  EMPTY_CONTACT_FORM, contactFormOf, createContactBody, updateContactBody, type PartnerContactForm as Form,
} from '../partner-contact-body';
import { REGION_NAMES } from '../region-names';
import { useSubmission } from '../use-submission';
import { partnersApi } from './partners-api';

/**
 * The form that adds a contact point, or, given one, changes its name, addresses and language; partner and region stay.
 * The API's validation is the one rule: its problems appear next to each field and in a summary at the top. A change
 * goes with the version the form was filled from, so one made meanwhile by someone else is refused, not overwritten;
 * then the latest version can be loaded into the form.
 */
export function PartnerContactForm({ contact, onDone, onCancel }: {
  /** The contact point to change, as last read; absent to add one. */
  readonly contact?: PartnerContactView;
  readonly onDone: () => Promise<void> | void;
  readonly onCancel?: () => void;
}) {
  const { m } = useI18n();
  // The version the form was filled from: a refresh of `contact` while typing must not move it along unseen.
  const [from, setFrom] = useState<PartnerContactView | undefined>(contact);
  const [form, setForm] = useState<Form>(contact ? contactFormOf(contact) : EMPTY_CONTACT_FORM);
  const { busy, error, run } = useSubmission();
  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));
  const problems = (field: string) => error?.problemsOf(field);
  const required = m.partners.required;
  const stale = error?.reason?.code === 'partner_contact_stale';

  const submit = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      if (from) {
        // The next change is made on what this one left.
        const changed = await partnersApi.update(from.contactId, updateContactBody(form, from));
        setFrom(changed);
        setForm(contactFormOf(changed));
      } else {
        await partnersApi.create(createContactBody(form));
      }
      announce(from ? m.partners.saved : m.partners.created);
      await onDone();
    });
  };
  const reload = () => {
    if (!contact) return;
    setFrom(contact);
    setForm(contactFormOf(contact));
  };

  return (
    <form class="vb-form vb-form-section" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="partner-contact-form-title" data-testid="partner-contact-form">
      <h2 class="utrecht-heading-2" id="partner-contact-form-title">{from ? m.partners.editTitle : m.partners.addTitle}</h2>
      <ErrorSummary error={error} />
      {stale && contact && (
        <p class="utrecht-paragraph">
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={reload}>{m.partners.reload}</button>
        </p>
      )}
      {!from && (
        <>
          <SelectField name="partner" label={m.partners.partnerLabel} requiredText={required} value={form.partner} onValue={set('partner')}
            placeholder={m.partners.choose} choices={PARTNERS.map((value) => ({ value, label: m.partners.partner[value] }))} problems={problems('partner')} />
          <SelectField name="safetyRegion" label={m.partners.region} hint={m.partners.regionHint} value={form.safetyRegion} onValue={set('safetyRegion')}
            placeholder={m.partners.nationalDesk} choices={SAFETY_REGIONS.map((value) => ({ value, label: REGION_NAMES[value] }))} problems={problems('safetyRegion')} />
        </>
      )}
      <TextField name="name" label={m.partners.name} requiredText={required} value={form.name} onValue={set('name')} problems={problems('name')} autoComplete="off" />
      <p class="utrecht-paragraph vb-muted">{m.partners.reachHint}</p>
      <TextField name="email" type="email" label={m.partners.email} value={form.email} onValue={set('email')} problems={problems('email')} autoComplete="off" />
      <TextField name="phone" type="tel" label={m.partners.phone} hint={m.partners.phoneHint} value={form.phone} onValue={set('phone')}
        problems={problems('phone')} autoComplete="off" />
      <RadioGroup name="language" legend={m.partners.language} value={form.language} onValue={set('language')}
        choices={NOTIFICATION_LANGUAGES.map((value) => ({ value, label: m.partners.languageName[value] }))} problems={problems('language')} />
      <div class="vb-actions">
        <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-md" disabled={busy}>
          {from ? (busy ? m.partners.saving : m.partners.save) : (busy ? m.partners.creating : m.partners.create)}
        </button>
        {onCancel && <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={onCancel}>{m.partners.cancel}</button>}
      </div>
    </form>
  );
}
