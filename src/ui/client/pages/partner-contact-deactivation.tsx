import type { PartnerContactView } from '../../../api-contracts/partner-contacts.contract';
import { ActionForm } from '../components/action-form';
import { useI18n } from '../i18n/language';
import { partnersApi } from './partners-api';

/** Deactivating a contact point: what it means, and one button that says what it does. */
export function PartnerContactDeactivation({ contact, onDone }: { contact: PartnerContactView; onDone: () => Promise<void> }) {
  const { m } = useI18n();
  return (
    <section class="vb-form-section" data-testid="partner-contact-deactivation">
      <ActionForm
        id="deactivate-contact" title={m.partners.deactivate} submitLabel={m.partners.deactivateConfirm} danger doneText={m.partners.deactivated}
        onSubmit={() => partnersApi.deactivate(contact.contactId)} onDone={onDone}
      >
        {() => <p class="utrecht-paragraph">{m.partners.deactivateIntro}</p>}
      </ActionForm>
    </section>
  );
}
