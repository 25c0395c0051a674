import { countdownParts, formatCountdown, formatDuration } from '../../../src/ui/client/countdown-format';
import { en } from '../../../src/ui/client/i18n/en';
import { nl } from '../../../src/ui/client/i18n/nl';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('a deadline counting down', () => {
  it('splits the time left into days, hours, minutes and seconds, rounded down', () => {
    expect(countdownParts(NOW + 2 * DAY + 3 * HOUR + 4 * MINUTE + 5 * SECOND + 900, NOW))
      .toEqual({ overdue: false, days: 2, hours: 3, minutes: 4, seconds: 5 });
  });

  it('counts a passed deadline as overdue, by how long ago it passed', () => {
    expect(countdownParts(NOW - 90 * MINUTE, NOW)).toEqual({ overdue: true, days: 0, hours: 1, minutes: 30, seconds: 0 });
  });

  it.each([
    [2 * DAY + 3 * HOUR + 4 * MINUTE, 'nog 2 d 3 u'],
    [3 * HOUR + 5 * MINUTE + 59 * SECOND, 'nog 3 u 5 min'],
    [5 * MINUTE + 10 * SECOND, 'nog 5 min 10 s'],
    [42 * SECOND, 'nog 42 s'],
    [0, 'nog 0 s'],
    [DAY + 30 * SECOND, 'nog 1 d 0 u'],
    [-(5 * MINUTE + 10 * SECOND), '5 min 10 s te laat'],
  ])('reads %d ms ahead as "%s": the two largest units that matter', (ahead, text) => {
    expect(formatCountdown(countdownParts(NOW + ahead, NOW), nl.countdown)).toBe(text);
  });

  it('speaks English when asked', () => {
    expect(formatCountdown(countdownParts(NOW - 26 * HOUR, NOW), en.countdown)).toBe('1 d 2 h overdue');
  });

  it('gives a span without "left" or "overdue" for the chart\'s summary', () => {
    expect(formatDuration(countdownParts(NOW + 3 * DAY, NOW), nl.countdown)).toBe('3 d 0 u');
  });
});
