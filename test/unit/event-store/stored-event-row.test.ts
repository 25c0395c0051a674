import { types as pgTypes } from 'pg';
import { isoTime } from '../../../src/event-store/stored-event-row';

// What the event store gave before: pg's own Date for the timestamp, spelled by toISOString.
const throughDate = (utcText: string) => (pgTypes.getTypeParser(1184, 'text') as (text: string) => Date)(utcText.replace(/( BC)?$/, '+00$1')).toISOString();

describe('isoTime', () => {
  it.each([
    '2026-12-06 23:50:01', '2026-12-06 23:50:01.1', '2026-12-06 23:50:01.12', '2026-12-06 23:50:01.123',
    '2026-12-06 23:50:01.123999', '2026-12-06 23:50:01.000001', '0050-01-01 00:00:00.5', '0999-12-31 23:59:59.999',
    '10000-01-01 00:00:00', '0044-03-15 12:00:00.25 BC',
  ])('spells %s exactly as a Date would', (utcText) => {
    expect(isoTime(utcText)).toBe(throughDate(utcText));
  });

  it('cuts microseconds instead of rounding them, as a Date does', () => {
    expect(isoTime('2026-01-01 00:00:00.999999')).toBe('2026-01-01T00:00:00.999Z');
  });
});
