import { validate } from 'class-validator';
import { IsRfc3339DateTime, dateTimeProblem, isRfc3339DateTime } from '../../../src/http/rfc3339-date-time';

const NOW = new Date('2026-12-06T12:00:00Z');
const WINDOW = { notBefore: '2015-01-01T00:00:00Z', yearsAhead: 2, now: () => NOW };

describe('the one date-time form Brigade accepts', () => {
  it.each([
    '2027-03-01T19:00:00Z', '2027-03-01T19:00:00+01:00', '2027-03-01T19:00:00.5-05:30', '2027-03-01T19:00:00.123456789Z',
    '2028-02-29T12:00:00Z', '2027-03-01T19:00:00-00:00',
  ])('accepts %s', (sut) => {
    expect(isRfc3339DateTime(sut)).toBe(true);
  });

  it.each([
    ['an ISO week date', '2026-W01'], ['an ISO week date with a time', '2026-W01-1T10:00:00Z'],
    ['an ordinal date', '2026-032'], ['an ordinal date with a time', '2026-032T10:00:00Z'],
    ['a date alone', '2027-03-01'], ['a time without an offset', '2027-03-01T10:00:00'], ['a time without seconds', '2027-03-01T10:00Z'],
    ['an offset without a colon', '2027-03-01T10:00:00+0100'], ['the basic format', '20270301T100000Z'],
    ['30 February', '2026-02-30T10:00:00Z'], ['29 February in a common year', '2027-02-29T10:00:00Z'], ['month 13', '2027-13-01T10:00:00Z'],
    ['hour 24', '2027-03-01T24:00:00Z'], ['minute 60', '2027-03-01T23:60:00Z'], ['a leap second', '2027-03-01T23:59:60Z'],
    ['year 0000', '0000-01-01T00:00:00Z'], ['an offset of 24 hours', '2027-03-01T10:00:00+24:00'],
    ['a space for the T', '2027-03-01 10:00:00Z'], ['a lower-case t and z', '2027-03-01t10:00:00z'], ['a lower-case z', '2027-03-01T10:00:00z'],
    ['a number', 1803895200000], ['a word', 'tomorrow'], ['nothing', ''],
  ])('refuses %s', (_what, sut) => {
    expect(isRfc3339DateTime(sut)).toBe(false);
  });
});

describe('the window a date-time must fall in', () => {
  it.each([
    ['its first moment', '2015-01-01T00:00:00Z'],
    ['now', '2026-12-06T12:00:00Z'],
    ['exactly two years ahead', '2028-12-06T12:00:00Z'],
  ])('accepts %s', (_what, sut) => {
    expect(dateTimeProblem(sut, WINDOW)).toBeNull();
  });

  it.each([
    ['a moment before 2015', '2014-12-31T23:59:59Z', { code: 'too_early', params: { earliest: '2015-01-01T00:00:00Z' } }],
    ['a moment before 2015 in UTC, though not in its own offset', '2015-01-01T00:30:00+01:00', { code: 'too_early', params: { earliest: '2015-01-01T00:00:00Z' } }],
    ['a moment just over two years ahead', '2028-12-06T12:00:01Z', { code: 'too_far_ahead', params: { years: 2 } }],
    ['year 9999', '9999-12-31T23:59:59Z', { code: 'too_far_ahead', params: { years: 2 } }],
  ])('refuses %s', (_what, sut, problem) => {
    expect(dateTimeProblem(sut, WINDOW)).toEqual(problem);
  });

  it('moves with the clock it is given', () => {
    const later = { ...WINDOW, now: () => new Date('2027-12-06T12:00:00Z') };

    expect(dateTimeProblem('2029-06-01T00:00:00Z', WINDOW)).not.toBeNull();
    expect(dateTimeProblem('2029-06-01T00:00:00Z', later)).toBeNull();
    expect(NOW.toISOString()).toBe('2026-12-06T12:00:00.000Z');
  });
});

describe('@IsRfc3339DateTime', () => {
  class Sut {
    @IsRfc3339DateTime(WINDOW) readonly when: unknown;

    constructor(when: unknown) {
      this.when = when;
    }
  }

  it('names the property and what is wrong with it', async () => {
    const [form] = await validate(new Sut('2026-W01'));
    const [window] = await validate(new Sut('2030-01-01T00:00:00Z'));

    expect(form.constraints).toEqual({ isRfc3339DateTime: 'when must be a date and time, such as 2027-03-01T19:00:00+01:00.' });
    expect(window.constraints).toEqual({ isRfc3339DateTime: 'when must not be more than 2 years ahead.' });
    expect(await validate(new Sut('2027-03-01T19:00:00+01:00'))).toEqual([]);
  });
});
