import { contactFieldChanges } from '../../../src/partner-contacts/contact-field-changes';

describe('the record of what a change did to a contact point', () => {
  it('names every field a creation set, from null', () => {
    expect(contactFieldChanges({}, { name: 'COA Noord', email: 'noord@coa.example', phone: null })).toEqual({
      name: { from: null, to: 'COA Noord' }, email: { from: null, to: 'noord@coa.example' },
    });
  });

  it('names only the fields whose value changed, with the old and the new value', () => {
    const before = { name: 'COA Noord', email: 'noord@coa.example', phone: '+3197010000001', language: 'nl' };

    expect(contactFieldChanges(before, { name: 'COA Noord', phone: null, language: 'en', email: undefined })).toEqual({
      phone: { from: '+3197010000001', to: null }, language: { from: 'nl', to: 'en' },
    });
  });
});
