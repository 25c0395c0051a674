import { Alert } from '../components/alert';
import { PageHeading } from '../components/page-heading';
import { errorTitle } from '../error-title';
import { useI18n } from '../i18n/language';
import { REGION_NAMES } from '../region-names';
import { usePolling } from '../use-polling';
import { PartnerContactDeactivation } from './partner-contact-deactivation';
import { PartnerContactForm } from './partner-contact-form';
import { PartnerContactHistory } from './partner-contact-history';
import { partnersApi } from './partners-api';

/** One contact point at /ui/partners?contact=<id>: its details, the form to change it, its deactivation and its history. */
export function PartnerContactPanel({ contactId, onChanged }: { contactId: string; onChanged: () => Promise<void> }) {
  const { m, dateTime } = useI18n();
  const detail = usePolling((signal) => partnersApi.get(contactId, signal), [contactId]);
  const contact = detail.data;
  const refresh = async () => {
    await detail.refresh();
    await onChanged();
  };
  const back = <p class="utrecht-paragraph"><a class="rvo-link" href="/ui/partners">{m.partners.back}</a></p>;

  if (detail.error && (detail.error.status === 404 || detail.error.status === 400) && !contact) {
    return (
      <div>
        {back}
        <PageHeading>{m.partners.title}</PageHeading>
        <Alert kind="error">{m.partners.notFound}</Alert>
      </div>
    );
  }
  const where = contact && (contact.safetyRegion ? REGION_NAMES[contact.safetyRegion] : m.partners.nationalDesk);
  return (
    <div data-testid="partner-contact-panel">
      {back}
      <PageHeading>{contact ? `${m.partners.partner[contact.partner]}, ${where}: ${contact.name}` : m.partners.title}</PageHeading>
      {detail.error && <Alert kind="error" title={errorTitle(detail.error, m)}>{detail.error.status === 0 ? m.errors.network : detail.error.message}</Alert>}
      {!contact && !detail.error && <p class="utrecht-paragraph">{m.app.loading}</p>}
      {contact && (
        <>
          <dl class="vb-facts">
            <dt>{m.partners.colPartner}</dt><dd>{m.partners.partner[contact.partner]}</dd>
            <dt>{m.partners.colRegion}</dt><dd>{where}</dd>
            <dt>{m.partners.colStatus}</dt><dd>{contact.active ? m.partners.active : m.partners.inactive}</dd>
            <dt>{m.partners.version}</dt><dd>{contact.version} ({dateTime(contact.updatedAt)})</dd>
          </dl>
          {contact.active ? (
            <>
              <PartnerContactForm key={contact.contactId} contact={contact} onDone={refresh} />
              <PartnerContactDeactivation contact={contact} onDone={refresh} />
            </>
          ) : (
            <Alert kind="info">{m.partners.isInactive}</Alert>
          )}
          <PartnerContactHistory history={contact.history} />
        </>
      )}
    </div>
  );
}
