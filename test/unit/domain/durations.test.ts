import { DAY, HOUR, MINUTE, addMs } from '../../../src/domain/durations';

describe('duration units', () => {
  it('counts a minute, an hour and a day in milliseconds', () => {
    expect([MINUTE, HOUR, DAY]).toEqual([60_000, 3_600_000, 86_400_000]);
  });
});

describe('addMs', () => {
  it('adds milliseconds to a UTC time', () => {
    expect(addMs('2026-11-01T09:00:00.000Z', 2 * HOUR + 30 * MINUTE + 1)).toBe('2026-11-01T11:30:00.001Z');
  });

  it('subtracts a negative duration', () => {
    expect(addMs('2026-11-01T09:00:00.000Z', -12 * HOUR)).toBe('2026-10-31T21:00:00.000Z');
  });

  it('carries over into the next year', () => {
    expect(addMs('2026-12-31T23:30:00.000Z', HOUR)).toBe('2027-01-01T00:30:00.000Z');
  });

  it('knows leap days', () => {
    expect(addMs('2028-02-28T12:00:00.000Z', DAY)).toBe('2028-02-29T12:00:00.000Z');
  });

  it('answers in UTC with milliseconds whatever offset it was given', () => {
    expect(addMs('2027-01-20T20:00:00+01:00', 0)).toBe('2027-01-20T19:00:00.000Z');
  });

  it('adds 24 hours for a day, not a calendar day, across the change to summer time', () => {
    expect(addMs('2027-03-27T12:00:00+01:00', DAY)).toBe('2027-03-28T11:00:00.000Z');
  });

  it('reads a date without a time as midnight UTC', () => {
    expect(addMs('2027-01-20', 7 * DAY)).toBe('2027-01-27T00:00:00.000Z');
  });

  it('refuses a text that is not a time', () => {
    expect(() => addMs('next tuesday', HOUR)).toThrow(RangeError);
  });
});
