import ICAL from 'ical.js';
import { calendarInvitation, type CalendarInvitationInput } from '../../../src/notifications/calendar-invitation';
import { renderCalendarTexts } from '../../../src/notifications/templates/render-calendar-texts';

const STARTS_AT = '2026-12-09T09:00:00.000Z';
const LINK = 'https://brigade.example.nl/cases/0f8c2a1e-5b7d-4c3e-9a61-2d4f8e9b7c10';

function inputFor(method: 'REQUEST' | 'CANCEL', language: 'nl' | 'en' = 'nl'): CalendarInvitationInput {
  return {
    method,
    uid: `session-case-${method.toLowerCase()}-4711@brigade.example.nl`,
    sequence: method === 'CANCEL' ? 3 : 2,
    startsAt: STARTS_AT,
    ...renderCalendarTexts({ language, link: LINK }),
    url: LINK,
    organizer: { name: 'Vliegende Brigade', email: 'brigade@brigade.example.nl' },
    attendee: { name: 'Anne-Marie de Vries', email: 'anne-marie@example.nl' },
    timeZone: 'Europe/Amsterdam',
    stampedAt: '2026-12-07T13:00:00.000Z',
  };
}

function parsed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return { calendar, event };
}

describe('a calendar invitation', () => {
  describe('for a session that is planned or moved', () => {
    const sut = calendarInvitation(inputFor('REQUEST'));
    const { calendar, event } = parsed(sut);

    it('is an iTIP request with the session\'s UID and sequence', () => {
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      expect(event.getFirstPropertyValue('uid')).toBe('session-case-request-4711@brigade.example.nl');
      expect(event.getFirstPropertyValue('sequence')).toBe(2);
      expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    });

    it('starts at the session\'s moment and lasts ninety minutes unless told otherwise', () => {
      const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = event.getFirstPropertyValue('dtend') as ICAL.Time;

      expect(start.toJSDate().toISOString()).toBe(STARTS_AT);
      expect(end.toJSDate().getTime() - start.toJSDate().getTime()).toBe(90 * 60_000);
      const short = parsed(calendarInvitation({ ...inputFor('REQUEST'), durationMinutes: 45 })).event;
      expect((short.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe('2026-12-09T09:45:00.000Z');
    });

    it('is stamped with the moment given', () => {
      expect((event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2026-12-07T13:00:00.000Z');
    });

    it('names the organizer and asks the attendee to answer', () => {
      const organizer = event.getFirstProperty('organizer');
      const attendee = event.getFirstProperty('attendee');

      expect(String(organizer?.getFirstValue()).toLowerCase()).toBe('mailto:brigade@brigade.example.nl');
      expect(String(attendee?.getFirstValue()).toLowerCase()).toBe('mailto:anne-marie@example.nl');
      expect(attendee?.getParameter('rsvp')).toBe('TRUE');
      expect(attendee?.getParameter('cn')).toBe('Anne-Marie de Vries');
    });

    it('has a neutral title, the link and no location', () => {
      expect(event.getFirstPropertyValue('summary')).toBe('Voorbereidende sessie Vliegende Brigade');
      expect(String(event.getFirstPropertyValue('description'))).toContain(LINK);
      expect(String(event.getFirstPropertyValue('description'))).toContain('geen inhoud van de zaak');
      expect(event.getFirstPropertyValue('url')).toBe(LINK);
      expect(event.hasProperty('location')).toBe(false);
      expect(event.getFirstPropertyValue('class')).toBe('PRIVATE');
    });

    it('carries nothing but what the templates and the addresses give it', () => {
      expect(sut).not.toMatch(/undefined|NaN|null/);
    });
  });

  describe('for a session that is called off', () => {
    const { calendar, event } = parsed(calendarInvitation(inputFor('CANCEL')));

    it('is an iTIP cancellation of the same session, with a higher sequence', () => {
      expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
      expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(event.getFirstPropertyValue('sequence')).toBe(3);
      expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(STARTS_AT);
      expect(String(event.getFirstPropertyValue('attendee')).toLowerCase()).toBe('mailto:anne-marie@example.nl');
      expect(event.getFirstProperty('attendee')?.getParameter('rsvp')).toBe('FALSE');
    });
  });

  it('has its title and description in the recipient\'s language', () => {
    const { event } = parsed(calendarInvitation(inputFor('REQUEST', 'en')));

    expect(event.getFirstPropertyValue('summary')).toBe('Preparatory session, Vliegende Brigade');
    expect(String(event.getFirstPropertyValue('description'))).toContain('no case details');
    expect(renderCalendarTexts({ language: 'nl' }).summary).not.toBe(renderCalendarTexts({ language: 'en' }).summary);
  });

  it('leaves the link out of the description when there is none', () => {
    expect(renderCalendarTexts({ language: 'nl' }).description).not.toMatch(/https?:|undefined/);
  });

  it('takes a title only from the templates', () => {
    // @ts-expect-error: a plain string, such as a case's description, is not a template's text.
    calendarInvitation({ ...inputFor('REQUEST'), summary: 'Dreiging tegen de burgemeester' });
  });

  it('cleans the attendee\'s name of line breaks and quotes', () => {
    const { event } = parsed(calendarInvitation({ ...inputFor('REQUEST'), attendee: { name: 'Jan"\r\nATTENDEE:mailto:x@evil.example', email: 'jan@example.nl' } }));

    expect(event.getAllProperties('attendee')).toHaveLength(1);
    expect(event.getFirstProperty('attendee')?.getParameter('cn')).toBe('Jan ATTENDEE mailto x evil.example');
  });

  it.each([
    ['a UID with a line break', { uid: 'a\r\nLOCATION:x' }],
    ['a UID with a separator', { uid: 'a;b' }],
    ['a negative sequence', { sequence: -1 }],
    ['a start that is no moment', { startsAt: 'tomorrow' }],
    ['an address that could end the line', { attendee: { email: 'x@example.nl\r\nLOCATION:y' } }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
    ['a session of no length', { durationMinutes: 0 }],
  ])('refuses %s', (_label, change) => {
    expect(() => calendarInvitation({ ...inputFor('REQUEST'), ...(change as Partial<CalendarInvitationInput>) })).toThrow();
  });
});
