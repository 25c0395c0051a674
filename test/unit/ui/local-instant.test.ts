import { isRfc3339DateTime } from '../../../src/runtime/rfc3339-date-time';
import { localInstant } from '../../../src/ui/client/local-instant';

describe('the instant the screens send for a date-time field', () => {
  it.each(['2027-01-20T19:30', '2027-01-20T19:30:15', '2028-02-29T00:00'])('sends %s as an RFC 3339 date-time the API accepts', (local) => {
    const sut = localInstant(local);

    expect(isRfc3339DateTime(sut)).toBe(true);
    expect(Date.parse(sut!)).toBe(new Date(local).getTime());
  });

  it('sends nothing for an empty field', () => {
    expect(localInstant('  ')).toBeUndefined();
  });

  it('sends what the browser would never produce as typed, for the API to refuse by name', () => {
    expect(localInstant('2026-W01')).toBe('2026-W01');
  });
});
