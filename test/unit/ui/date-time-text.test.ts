import { isRfc3339DateTime } from '../../../src/http/rfc3339-date-time';
import { ApiError } from '../../../src/ui/client/api-error';
import { CATALOGUE } from '../../../src/i18n/catalogue/catalogue';
import { findText } from '../../../src/i18n/catalogue/render-text';
import { dateTimeToSend } from '../../../src/ui/client/date-time-check';
import { instantOfDateTimeText, readDateTimeText } from '../../../src/ui/client/date-time-text';
import { problemText } from '../../../src/ui/client/i18n/coded-texts';
import { en } from '../../../src/ui/client/i18n/en';
import { nl } from '../../../src/ui/client/i18n/nl';

describe('a date and time typed day first', () => {
  it.each([
    ['25-12-2026 10:00', '2026-12-25T09:00:00.000Z'],
    ['25-06-2026 10:00', '2026-06-25T08:00:00.000Z'],
    ['31-12-2026 19:30', '2026-12-31T18:30:00.000Z'],
    ['1-2-2027 9:05', '2027-02-01T08:05:00.000Z'],
    ['29-02-2028 00:00', '2028-02-28T23:00:00.000Z'],
    ['20/01/2027 19.30', '2027-01-20T18:30:00.000Z'],
    ['  20.01.2027  19:30 ', '2027-01-20T18:30:00.000Z'],
    ['29-03-2026 01:59', '2026-03-29T00:59:00.000Z'],
    ['29-03-2026 03:00', '2026-03-29T01:00:00.000Z'],
  ])('reads %s as Dutch time, whatever the browser\'s zone: %s', (text, iso) => {
    const sut = readDateTimeText(text);

    expect(sut).toStrictEqual({ kind: 'instant', iso });
    expect(isRfc3339DateTime(iso)).toBe(true);
  });

  it('refuses a time the spring clock change skips, which no Dutch clock showed', () => {
    expect(readDateTimeText('29-03-2026 02:30')).toStrictEqual({ kind: 'unreadable', problem: 'impossibleTime' });
    expect(readDateTimeText('29-03-2026 02:00')).toStrictEqual({ kind: 'unreadable', problem: 'impossibleTime' });
  });

  it('reads a time the autumn clock change shows twice as its first occurrence, still summer time', () => {
    expect(readDateTimeText('25-10-2026 02:30')).toStrictEqual({ kind: 'instant', iso: '2026-10-25T00:30:00.000Z' });
    expect(readDateTimeText('25-10-2026 03:00')).toStrictEqual({ kind: 'instant', iso: '2026-10-25T02:00:00.000Z' });
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

  it.each(['15-12-0000 10:00', '01-01-0999 10:00', '31-12-1899 23:59'])('refuses %s as a year before 1900, a slip of the keys', (text) => {
    expect(readDateTimeText(text)).toStrictEqual({ kind: 'unreadable', problem: 'yearTooEarly' });
  });

  it('reads the first year it takes as that year, not another', () => {
    const sut = readDateTimeText('01-03-1900 12:00');

    expect(sut.kind === 'instant' && sut.iso).toMatch(/^1900-03-01T1\d:/);
    expect(readDateTimeText('29-02-1900 12:00')).toStrictEqual({ kind: 'unreadable', problem: 'impossibleDate' });
  });

  it('sends unreadable text as typed, should it ever reach the API', () => {
    expect(instantOfDateTimeText('31-02-2027 10:00')).toBe('31-02-2027 10:00');
  });
});

describe('a date-time field that cannot be read', () => {
  it('is refused before sending, as a problem with the field named by its label, in the page\'s language', () => {
    const refusal = (() => {
      try {
        dateTimeToSend('31-02-2027 10:00', 'eventDate', nl.newCase.eventDate, nl);
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
    expect(() => dateTimeToSend('tomorrow', 'scheduledAt', en.casePage.sessionAt, en)).toThrow(en.dateTimeInput.format(en.casePage.sessionAt));
  });

  it('lets a readable field through as its instant, and a blank optional one as no date', () => {
    expect(dateTimeToSend('20-01-2027 19:30', 'eventDate', nl.newCase.eventDate, nl)).toBe('2027-01-20T18:30:00.000Z');
    expect(dateTimeToSend('', 'eventDate', nl.newCase.eventDate, nl)).toBeUndefined();
    expect(dateTimeToSend('  ', 'eventDate', nl.newCase.eventDate, nl)).toBeUndefined();
  });

  it('refuses a year before 1900 rather than send another year', () => {
    expect(() => dateTimeToSend('15-12-0000 10:00', 'scheduledAt', nl.casePage.sessionAt, nl)).toThrow(nl.dateTimeInput.yearTooEarly(nl.casePage.sessionAt));
  });
});

describe('a required date-time field left blank', () => {
  it.each(['', '   '])('is refused before sending (%j) as required, named by the label the field shows', (text) => {
    const refusal = (() => {
      try {
        dateTimeToSend(text, 'scheduledAt', nl.casePage.sessionAt, nl, { required: true });
      } catch (error) {
        return error;
      }
      return undefined;
    })();

    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).problemsOf('scheduledAt')).toEqual(['Datum en tijd van de voorbereidende sessie is verplicht.']);
  });

  it('says so in the words the server uses for the same field, in both languages', () => {
    for (const [language, m] of [['nl', nl], ['en', en]] as const) {
      expect(m.dateTimeInput.required(m.casePage.sessionAt)).toBe(problemText(language, 'scheduledAt', { code: 'required', params: {} }));
    }
  });
});

describe('the date-time fields\' labels', () => {
  it('are the labels the server names the same fields by', () => {
    for (const [language, m] of [['nl', nl], ['en', en]] as const) {
      expect(m.casePage.sessionAt).toBe(findText(CATALOGUE[language], 'fields.scheduledAt'));
      expect(m.newCase.eventDate).toBe(findText(CATALOGUE[language], 'fields.eventDate'));
    }
  });
});
