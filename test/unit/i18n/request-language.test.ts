import { requestLanguage } from '../../../src/i18n/request-language';

describe('requestLanguage', () => {
  it.each([
    ['en', 'en'], ['en-GB', 'en'], ['EN-us,nl;q=0.5', 'en'], ['en;q=0.9', 'en'],
    ['nl', 'nl'], ['nl-NL,en;q=0.8', 'nl'], ['de', 'nl'], ['eng', 'nl'], ['', 'nl'], [undefined, 'nl'],
  ])('answers %j in %s', (header, expected) => {
    expect(requestLanguage(header)).toBe(expected);
  });
});
