import type { PartnerContactView } from '../../api-contracts/partner-contacts.contract';

/** What the contact point form holds: text as typed; an empty region is the national desk. */
export interface PartnerContactForm {
  readonly partner: string;
  readonly safetyRegion: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly language: string;
}

/** The empty form for a new contact point: Dutch, like the API's default. */
export const EMPTY_CONTACT_FORM: PartnerContactForm = { partner: '', safetyRegion: '', name: '', email: '', phone: '', language: 'nl' };

/** The form filled with a contact point as it is, for changing it. */
export function contactFormOf(contact: PartnerContactView): PartnerContactForm {
  return {
    partner: contact.partner, safetyRegion: contact.safetyRegion ?? '', name: contact.name,
    email: contact.email ?? '', phone: contact.phone ?? '', language: contact.language,
  };
}

// An empty address is none; anything else goes as typed, so that the API names the field and says what it needs.
const addressOf = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The body of `POST /partner-contacts`: no region for the national desk, an empty address left out. */
export function createContactBody(form: PartnerContactForm): Record<string, unknown> {
  const email = addressOf(form.email);
  const phone = addressOf(form.phone);
  return {
    partner: form.partner, safetyRegion: form.safetyRegion === '' ? null : form.safetyRegion, name: form.name,
    ...(email !== null && { email }), ...(phone !== null && { phone }), language: form.language,
  };
}

/**
 * The body of `PATCH /partner-contacts/:id`: the version the form was filled from, and only the fields that differ
 * from it (an emptied address as null, which clears it), so a change records exactly what the coordinator changed.
 */
export function updateContactBody(form: PartnerContactForm, from: PartnerContactView): Record<string, unknown> {
  const email = addressOf(form.email);
  const phone = addressOf(form.phone);
  return {
    version: from.version,
    ...(form.name !== from.name && { name: form.name }),
    ...(email !== from.email && { email }),
    ...(phone !== from.phone && { phone }),
    ...(form.language !== from.language && { language: form.language }),
  };
}
