import { isRfc3339DateTime } from '../../../src/runtime/rfc3339-date-time';
import { ApiError } from '../../../src/ui/client/api-error';
import { refuseUnreadableDateTime } from '../../../src/ui/client/date-time-check';
import { instantOfDateTimeText, readDateTimeText } from '../../../src/ui/client/date-time-text';
import { en } from '../../../src/ui/client/i18n/en';
import { nl } from '../../../src/ui/client/i18n/nl';

describe('a date and time typed day first', () => {
  it.each([
    ['31-12-2026 19:30', new Date(2026, 11, 31, 19, 30)],
    ['1-2-2027 9:05', new Date(2027, 1, 1, 9, 5)],
    ['29-02-2028 00:00', new Date(2028, 1, 29, 0, 0)],
    ['20/01/2027 19.30', new Date(2027, 0, 20, 19, 30)],
    ['  20.01.2027  19:30 ', new Date(2027, 0, 20, 19, 30)],
  ])('reads %s as the RFC 3339 instant it names in the browser\'s zone', (text, local) => {
    const sut = readDateTimeText(text);

    expect(sut).toStrictEqual({ kind: 'instant', iso: local.toISOString() });
    expect(isRfc3339DateTime(local.toISOString())).toBe(true);
  });

  it('reads an empty field as no date at all', () => {
    expect(readDateTimeText('   ')).toStrictEqual({ kind: 'empty' });
    expect(instantOfDateTimeText('')).toBeUndefined();
  });

  it.each(['2027-01-20T19:30', '20-01-2027', '20-01-27 19:30', 'morgen', '20-01-2027 19:30:15'])('refuses %s as not in the pattern', (text) => {
    expect(readDateTimeText(text)).toStrictEqual({ kind: 'unreadable', problem: 'format' });
  });

  it.each(['31-02-2027 10:00', '29-02-2027 10:00', '31-04-2027 10:00', '00-01-2027 10:00', '12-13-2027 10:00', '12-00-2027 10:00'])(
    'refuses %s as a day the calendar does not have',
    (text) => {
      expect(readDateTimeText(text)).toStrictEqual({ kind: 'unreadable', problem: 'impossibleDate' });
    },
  );

  it.each(['20-01-2027 24:00', '20-01-2027 19:60'])('refuses %s as a time the day does not have', (text) => {
    expect(readDateTimeText(text)).toStrictEqual({ kind: 'unreadable', problem: 'impossibleTime' });
  });

  it('sends unreadable text as typed, should it ever reach the API', () => {
    expect(instantOfDateTimeText('31-02-2027 10:00')).toBe('31-02-2027 10:00');
  });
});

describe('a date-time field that cannot be read', () => {
  it('is refused before sending, as a problem with the field named by its label, in the page\'s language', () => {
    const refusal = (() => {
      try {
        refuseUnreadableDateTime('31-02-2027 10:00', 'eventDate', nl.newCase.eventDate, nl);
      } catch (error) {
        return error;
      }
      return undefined;
    })();

    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).problemsOf('eventDate')).toEqual([nl.dateTimeInput.impossibleDate(nl.newCase.eventDate)]);
    expect(nl.dateTimeInput.impossibleDate(nl.newCase.eventDate)).toContain('Datum en tijd van de bijeenkomst');
  });

  it('says what to type in English on English pages', () => {
    expect(() => refuseUnreadableDateTime('tomorrow', 'scheduledAt', en.casePage.sessionAt, en)).toThrow(en.dateTimeInput.format(en.casePage.sessionAt));
  });

  it('lets an empty or readable field through', () => {
    expect(() => refuseUnreadableDateTime('', 'eventDate', nl.newCase.eventDate, nl)).not.toThrow();
    expect(() => refuseUnreadableDateTime('20-01-2027 19:30', 'eventDate', nl.newCase.eventDate, nl)).not.toThrow();
  });
});
