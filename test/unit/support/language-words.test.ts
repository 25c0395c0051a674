import { en } from '../../../src/ui/client/i18n/en';
import { nl } from '../../../src/ui/client/i18n/nl';
import { foreignWords, wordsOf } from '../../support/language-words';

describe('the words that give away the other language', () => {
  it('on a Dutch page are English words of the screens and English month and day names', () => {
    const sut = foreignWords('nl');

    expect(wordsOf(en.app.loading).filter((word) => sut.has(word))).toEqual(['loading']);
    expect(sut.has('should')).toBe(false);
    expect(['march', 'monday', 'overdue'].filter((word) => !sut.has(word))).toEqual([]);
  });

  it('on an English page are Dutch words of the screens and Dutch month and day names', () => {
    const sut = foreignWords('en');

    expect(wordsOf(nl.countdown.none).filter((word) => sut.has(word))).toEqual(['geen', 'termijn']);
    expect(['maart', 'maandag', 'mrt'].filter((word) => !sut.has(word))).toEqual([]);
  });

  it('leave out the language switch, which is written in the language it switches to', () => {
    expect(foreignWords('nl').has('nederlands')).toBe(false);
    expect(foreignWords('en').has('english')).toBe(false);
  });

  it('leave out words both languages use', () => {
    expect(['token', 'expert', 'status', 'intake'].filter((word) => foreignWords('nl').has(word) || foreignWords('en').has(word))).toEqual([]);
  });
});

describe('the words of a text', () => {
  it('leave out ids, hashes and anything with a digit, whose letters could pass for a word', () => {
    expect(wordsOf('Zaak 0b6f9c7e-3f0a-4c43-9a51-7f1e2d4c8a10 (deadbeef) in GM0637, 2u: de Vries')).toEqual(['zaak', 'in', 'de', 'vries']);
  });
});
