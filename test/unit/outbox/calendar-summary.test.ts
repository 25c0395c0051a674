import { calendarSummary } from '../../../src/outbox/calendar-summary';

const lines = (...content: string[]) => content.join('\r\n');

describe('the summary of a calendar invitation', () => {
  it('reads the method and a start in UTC as RFC 3339', () => {
    const raw = lines('BEGIN:VCALENDAR', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'DTSTART:20270115T180000Z', 'END:VEVENT', 'END:VCALENDAR');

    expect(calendarSummary(raw)).toEqual({ method: 'REQUEST', startsAt: '2027-01-15T18:00:00Z', timeZone: null, raw });
  });

  it("takes the event's start, not a time-zone definition's, and names the zone of a local start", () => {
    const raw = lines('BEGIN:VCALENDAR', 'METHOD:CANCEL', 'BEGIN:VTIMEZONE', 'TZID:Europe/Amsterdam', 'BEGIN:STANDARD', 'DTSTART:19701025T030000',
      'END:STANDARD', 'END:VTIMEZONE', 'BEGIN:VEVENT', 'DTSTART;TZID="Europe/Amsterdam":20270115T190000', 'END:VEVENT', 'END:VCALENDAR');

    expect(calendarSummary(raw)).toMatchObject({ method: 'CANCEL', startsAt: '2027-01-15T19:00:00', timeZone: 'Europe/Amsterdam' });
  });

  it('unfolds a folded line and reads a whole-day start as a date', () => {
    const raw = lines('BEGIN:VCALENDAR', 'METH', ' OD:REQUEST', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270115', 'END:VEVENT', 'END:VCALENDAR');

    expect(calendarSummary(raw)).toMatchObject({ method: 'REQUEST', startsAt: '2027-01-15', timeZone: null });
  });

  it('says nothing it cannot read', () => {
    expect(calendarSummary('not a calendar')).toEqual({ method: null, startsAt: null, timeZone: null, raw: 'not a calendar' });
  });
});
