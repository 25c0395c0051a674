import type { PartnerContactView } from '../../../src/api-contracts/partner-contacts.contract';
import { EMPTY_CONTACT_FORM, contactFormOf, createContactBody, updateContactBody } from '../../../src/ui/client/partner-contact-body';

const CONTACT: PartnerContactView = {
  contactId: '0b5c3a58-3f0e-4e4b-9d57-0d7c6c2b8a11', partner: 'police', safetyRegion: 'utrecht', name: 'Politie Midden-Nederland',
  email: 'meldpunt@politie.example', phone: '+3197010000011', language: 'nl', active: true, version: 3,
  createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z',
};

describe('the body the contact point form sends', () => {
  it('makes a national desk of an empty region and leaves an empty address out', () => {
    const form = { ...EMPTY_CONTACT_FORM, partner: 'COA', name: 'COA Landelijk', email: '  ', phone: '+3197010000001' };

    expect(createContactBody(form)).toEqual({ partner: 'COA', safetyRegion: null, name: 'COA Landelijk', phone: '+3197010000001', language: 'nl' });
  });

  it('sends a region by its slug and the addresses as typed, trimmed', () => {
    const form = { ...EMPTY_CONTACT_FORM, partner: 'police', safetyRegion: 'utrecht', name: 'Eenheid', email: ' a@politie.example ', language: 'en' };

    expect(createContactBody(form)).toEqual({ partner: 'police', safetyRegion: 'utrecht', name: 'Eenheid', email: 'a@politie.example', language: 'en' });
  });

  it('sends a change with the version it was filled from, and only what differs', () => {
    const form = { ...contactFormOf(CONTACT), phone: '', language: 'en' };

    expect(updateContactBody(form, CONTACT)).toEqual({ version: 3, phone: null, language: 'en' });
  });

  it('sends only the version when nothing changed', () => {
    expect(updateContactBody(contactFormOf(CONTACT), CONTACT)).toEqual({ version: 3 });
  });
});
