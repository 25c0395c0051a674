import type { OutboxCalendar } from '../api-contracts/outbox.contract';

/** What a reader of an iCalendar invitation looks for first: its method and when the event starts, with the object itself. */
export function calendarSummary(raw: string): OutboxCalendar {
  // Unfolding (RFC 5545, section 3.1): a line break followed by one space or tab continues the line before it.
  const lines = raw.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const method = lines.map(property).find((found) => found?.name === 'METHOD');
  // Only the event's own start counts: a time-zone definition before it has DTSTART lines of its own.
  const eventAt = lines.findIndex((line) => line.trim().toUpperCase() === 'BEGIN:VEVENT');
  const start = eventAt < 0 ? undefined : lines.slice(eventAt).map(property).find((found) => found?.name === 'DTSTART');
  return {
    method: method?.value.trim().toUpperCase() || null,
    startsAt: start ? dateTimeOf(start.value.trim()) : null,
    timeZone: start?.params.TZID ?? null,
    raw,
  };
}

interface Property {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
  readonly value: string;
}

// `NAME;PARAM=value;…:value`; a quoted parameter value may hold a colon, so the value starts after the first colon outside quotes.
function property(line: string): Property | undefined {
  const colon = /^(?:[^":]|"[^"]*")*:/.exec(line);
  if (!colon) return undefined;
  const [name, ...params] = colon[0].slice(0, -1).split(';');
  return {
    name: name.toUpperCase(),
    params: Object.fromEntries(params.map((param) => {
      const [key, ...value] = param.split('=');
      return [key.toUpperCase(), value.join('=').replace(/^"|"$/g, '')];
    })),
    value: line.slice(colon[0].length),
  };
}

// 20270115T190000Z is UTC; 20270115T190000 is local (to its TZID); 20270115 is a whole day.
function dateTimeOf(value: string): string {
  const found = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!found) return value;
  const [, year, month, day, hour, minute, second, utc] = found;
  return hour === undefined ? `${year}-${month}-${day}` : `${year}-${month}-${day}T${hour}:${minute}:${second}${utc}`;
}
