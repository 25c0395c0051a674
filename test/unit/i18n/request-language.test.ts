import { requestLanguage } from '../../../src/i18n/request-language';

describe('requestLanguage', () => {
  it.each([
    ['en', 'en'], ['en-GB', 'en'], ['EN-us,nl;q=0.5', 'en'], ['en;q=0.9', 'en'],
    ['nl', 'nl'], ['nl-NL,en;q=0.8', 'nl'], ['de', 'nl'], ['eng', 'nl'], ['', 'nl'], [undefined, 'nl'],
  ])('answers %j in %s', (header, expected) => {
    expect(requestLanguage(header)).toBe(expected);
  });

  describe('when the header weighs its languages', () => {
    it.each([
      ['nl;q=0.1, en;q=0.9', 'en'],
      ['fr, en;q=0.5', 'en'],
      ['en;q=0.5, nl;q=0.5', 'en'],
      ['en-GB;q=0.4, nl-BE;q=0.3', 'en'],
      ['*;q=0, en', 'en'],
      ['en;q=0.3, *;q=0.6', 'nl'],
      ['*', 'nl'],
      ['en, nl', 'en'],
    ])('takes %j for the language it weighs highest: %s', (header, expected) => {
      expect(requestLanguage(header)).toBe(expected);
    });

    it.each([['en;q=0'], ['en;q=0.000'], ['en-GB;q=0, fr'], ['*;q=0']])(
      'answers %j, where no language Brigade speaks is acceptable, in Dutch', (header) => {
        expect(requestLanguage(header)).toBe('nl');
      });
  });

  describe('when the header is malformed', () => {
    it.each([['en;q=abc'], ['en;q='], ['en;q=2'], ['en;q=-1'], ['en;q=0.5000'], ['en;q=1e0'], ['en;q=0.5;q=abc'], [';;;'], ['"en"']])(
      'answers %j in Dutch', (header) => {
        expect(requestLanguage(header)).toBe('nl');
      });
  });

  it('reads a header sent twice as one list', () => {
    expect(requestLanguage(['fr', 'en;q=0.5'])).toBe('en');
  });
});
