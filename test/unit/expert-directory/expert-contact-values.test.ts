import { smsNumberOf } from '../../../src/expert-directory/sms-phone-number';
import { preferencesFromStored } from '../../../src/expert-directory/stored-notification-preferences';

describe("an expert's phone number for text messages", () => {
  it.each([
    ['+31 6 2000 1234', '+31620001234'],
    ['0612345678', '+31612345678'],
    ['06-12345678', '+31612345678'],
    ['0031 6 12345678', '+31612345678'],
    ['+32 470 12 34 56', '+32470123456'],
  ])('reads %s, as the pool keeps it, as %s', (stored, e164) => {
    expect(smsNumberOf(stored)).toBe(e164);
  });

  it.each([[null], [''], ['  '], ['call me']])('is null for %j', (stored) => {
    expect(smsNumberOf(stored)).toBeNull();
  });
});

describe('the stored notification preferences', () => {
  it('read {} as no choice: every kind by e-mail, no quiet hours', () => {
    expect(preferencesFromStored({})).toEqual({ channels: {}, quietHours: null });
  });

  it('keep what was chosen', () => {
    const stored = { channels: { offerMade: ['email', 'sms'], taskAssigned: ['sms'] }, quietHours: { start: '22:00', end: '07:00' } };

    expect(preferencesFromStored(stored)).toEqual(stored);
  });

  it('leave out a kind or channel this release does not know, and quiet hours that are not two different times', () => {
    const stored = { channels: { offerMade: ['fax'], newsletter: ['email'], taskAssigned: ['sms', 'fax'] }, quietHours: { start: '22:00', end: '22:00' } };

    expect(preferencesFromStored(stored)).toEqual({ channels: { taskAssigned: ['sms'] }, quietHours: null });
  });

  it.each([[null], ['text'], [[]], [{ channels: [] }]])('read %j as no choice', (stored) => {
    expect(preferencesFromStored(stored)).toEqual({ channels: {}, quietHours: null });
  });
});
