import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventClass, ICalEventStatus } from 'ical-generator';
import { checkedLink, cleanName } from './templates/clean-input';
import { parseMoment } from './templates/format-moment';
import type { TemplateText } from './templates/render-calendar-texts';

/** What a session's invitation (or its cancellation) holds; summary and description come from `renderCalendarTexts`. */
export interface CalendarInvitationInput {
  readonly method: 'REQUEST' | 'CANCEL';
  /** The session's stable UID, so that a move or a cancellation replaces the invitation already in a calendar. */
  readonly uid: string;
  readonly sequence: number;
  /** ISO 8601 start of the session. */
  readonly startsAt: string;
  /** Length of the session; 90 minutes when not given. */
  readonly durationMinutes?: number;
  readonly summary: TemplateText;
  readonly description: TemplateText;
  /** Absolute URL to the screens; absent when the attendee has no account. */
  readonly url?: string;
  readonly organizer: { readonly name: string; readonly email: string };
  readonly attendee: { readonly name?: string; readonly email: string };
  /** The recipient's IANA time zone, given to calendar programs as a display hint. */
  readonly timeZone: string;
  /** ISO 8601 moment the invitation is made (DTSTAMP); the clock's time when not given. */
  readonly stampedAt?: string;
}

const DEFAULT_DURATION_MINUTES = 90;
// Unescaped by ical-generator, so only printable ASCII without the separators iCalendar gives a meaning.
const SAFE_UID = /^[\x21-\x7E]{1,255}$/;
const UNSAFE_IN_UID = /[;,\\"]/;
// A mailto: value and the EMAIL parameter are printed as given, so anything that could end them is refused.
const SAFE_EMAIL = /^[^\s@<>"(),:;\\[\]]+@[^\s@<>"(),:;\\[\]]+$/;

/** Writes an iTIP invitation (`REQUEST`) or its withdrawal (`CANCEL`) for one attendee as an iCalendar text. */
export function calendarInvitation(input: CalendarInvitationInput): string {
  const start = parseMoment(input.startsAt);
  const duration = input.durationMinutes ?? DEFAULT_DURATION_MINUTES;
  if (!Number.isInteger(duration) || duration < 1 || duration > 24 * 60) throw new RangeError('A session lasts a whole number of minutes, at most a day.');
  if (!SAFE_UID.test(input.uid) || UNSAFE_IN_UID.test(input.uid)) throw new Error('A calendar UID must be printable ASCII without separators.');
  if (!Number.isInteger(input.sequence) || input.sequence < 0) throw new RangeError('A calendar SEQUENCE is a whole number from 0.');
  for (const email of [input.organizer.email, input.attendee.email]) {
    if (!SAFE_EMAIL.test(email)) throw new Error('A calendar organizer or attendee needs a plain e-mail address.');
  }
  // Validates the zone: Intl refuses one it does not know.
  new Intl.DateTimeFormat('en', { timeZone: input.timeZone });

  const cancel = input.method === 'CANCEL';
  const calendar = ical({
    prodId: { company: 'Vliegende Brigade', product: 'Brigade' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // Times are written in UTC: ical-generator would print a plain Date under a TZID in the server's own zone and without
  // the VTIMEZONE that a TZID needs, which calendar programs read differently; UTC means the same instant everywhere.
  calendar.x('X-WR-TIMEZONE', input.timeZone);
  const event = calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: input.stampedAt === undefined ? new Date() : parseMoment(input.stampedAt),
    start,
    end: new Date(start.getTime() + duration * 60_000),
    summary: input.summary,
    description: input.description,
    url: input.url === undefined ? null : checkedLink(input.url),
    organizer: { name: cleanName(input.organizer.name) ?? 'Vliegende Brigade', email: input.organizer.email },
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // Shared and delegated calendars then show only that the time is taken, not the title.
    class: ICalEventClass.PRIVATE,
  });
  event.createAttendee({
    email: input.attendee.email,
    name: cleanName(input.attendee.name),
    role: ICalAttendeeRole.REQ,
    rsvp: !cancel,
    status: cancel ? undefined : ICalAttendeeStatus.NEEDSACTION,
  });
  return calendar.toString();
}
