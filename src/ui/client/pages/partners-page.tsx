import { useState } from 'preact/hooks';
import { PARTNERS } from '../../../domain/notifications/notification-kinds';
import type { PartnerContactView } from '../../../api-contracts/partner-contacts.contract';
import { queryString } from '../api';
import { Alert } from '../components/alert';
import { CheckboxField, SelectField } from '../components/form-fields';
import { PageHeading } from '../components/page-heading';
import { errorTitle } from '../error-title';
import { formatTime } from '../i18n/dates';
import { useI18n } from '../i18n/language';
import { navigate } from '../navigation';
import type { PageProps } from '../page-props';
import { REGION_NAMES } from '../region-names';
import { usePolling } from '../use-polling';
import { PartnerContactForm } from './partner-contact-form';
import { PartnerContactPanel } from './partner-contact-panel';
import { partnersApi } from './partners-api';

/**
 * The coordinator's partner directory at /ui/partners: every contact point of COA, the police and the NCTV, a form to
 * add one, and, at `?contact=<id>`, one contact point to change or deactivate, with its history.
 */
export function PartnersPage({ search }: PageProps) {
  const { m, language } = useI18n();
  const params = new URLSearchParams(search);
  const partner = (PARTNERS as readonly string[]).includes(params.get('partner') ?? '') ? params.get('partner')! : '';
  const showInactive = params.get('inactive') === '1';
  const selected = params.get('contact');
  const [adding, setAdding] = useState(false);
  const list = usePolling((signal) => partnersApi.list({ partner, onlyActive: !showInactive }, signal), [partner, showInactive]);
  const filterTo = (next: { partner?: string; inactive?: boolean }) => navigate(`/ui/partners${queryString({
    partner: next.partner ?? partner, inactive: (next.inactive ?? showInactive) ? '1' : undefined,
  })}`, { replace: true });

  if (selected) return <PartnerContactPanel contactId={selected} onChanged={list.refresh} />;
  return (
    <div data-testid="partners-page">
      <PageHeading>{m.partners.title}</PageHeading>
      <p class="utrecht-paragraph">{m.partners.intro}</p>
      {adding ? (
        <PartnerContactForm onDone={async () => { setAdding(false); await list.refresh(); }} onCancel={() => setAdding(false)} />
      ) : (
        <p class="utrecht-paragraph">
          <button type="button" class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-md" onClick={() => setAdding(true)}>{m.partners.add}</button>
        </p>
      )}
      <div class="vb-filters">
        <SelectField name="partners-partner" label={m.partners.filterPartner} value={partner} placeholder={m.partners.anyPartner}
          choices={PARTNERS.map((value) => ({ value, label: m.partners.partner[value] }))} onValue={(value) => filterTo({ partner: value })} />
        <CheckboxField name="partners-inactive" label={m.partners.showInactive} checked={showInactive} onChecked={(checked) => filterTo({ inactive: checked })} />
      </div>
      {list.updatedAt && <p class="utrecht-paragraph vb-updated">{m.app.updatedAt(formatTime(list.updatedAt, language))}</p>}
      {list.error && <Alert kind="error" title={errorTitle(list.error, m)}>{list.error.status === 0 ? m.errors.network : list.error.message}</Alert>}
      {list.data === undefined && !list.error && <p class="utrecht-paragraph">{m.app.loading}</p>}
      {list.data && list.data.length === 0 && <p class="utrecht-paragraph">{m.partners.empty}</p>}
      {list.data && list.data.length > 0 && <ContactTable contacts={list.data} />}
    </div>
  );
}

function ContactTable({ contacts }: { contacts: readonly PartnerContactView[] }) {
  const { m } = useI18n();
  return (
    <div class="rvo-table--responsive">
      <table class="rvo-table" data-testid="partner-contacts">
        <caption class="rvo-table__caption">{m.partners.tableCaption(contacts.length)}</caption>
        <thead class="rvo-table-head">
          <tr class="rvo-table-row">
            <th scope="col" class="rvo-table-header">{m.partners.colPartner}</th>
            <th scope="col" class="rvo-table-header">{m.partners.colRegion}</th>
            <th scope="col" class="rvo-table-header">{m.partners.colName}</th>
            <th scope="col" class="rvo-table-header">{m.partners.colReach}</th>
            <th scope="col" class="rvo-table-header">{m.partners.colLanguage}</th>
            <th scope="col" class="rvo-table-header">{m.partners.colStatus}</th>
          </tr>
        </thead>
        <tbody class="rvo-table-body">
          {contacts.map((contact) => (
            <tr class="rvo-table-row" key={contact.contactId} data-contact-id={contact.contactId}>
              <td class="rvo-table-cell">{m.partners.partner[contact.partner]}</td>
              <td class="rvo-table-cell">{contact.safetyRegion ? REGION_NAMES[contact.safetyRegion] : m.partners.nationalDesk}</td>
              <th scope="row" class="rvo-table-cell">
                <a class="rvo-link" href={`/ui/partners${queryString({ contact: contact.contactId })}`}>{contact.name}</a>
              </th>
              <td class="rvo-table-cell">
                {contact.email && <span class="vb-block">{contact.email}</span>}
                {contact.phone && <span class="vb-block vb-mono">{contact.phone}</span>}
              </td>
              <td class="rvo-table-cell">{m.partners.languageName[contact.language]}</td>
              <td class="rvo-table-cell">{contact.active ? m.partners.active : m.partners.inactive}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
