import { PERSON_NAME_PATTERN, hasBidiControl, isBlankText } from '../../../src/domain/visible-text';

describe('text that is empty to the eye', () => {
  it.each([
    ['nothing', ''],
    ['white space', ' \t\n\u00A0\u3000'],
    ['zero-width characters', '\u200B\u200C\u200D\u2060\uFEFF\u180E'],
    ['bidi controls', '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069'],
    ['other invisible format characters', '\u00AD\u2061\u{E0001}'],
    ['Hangul fillers and the braille blank', '\u115F\u1160\u3164\uFFA0\u2800'],
    ['a mix of them', ' \u200B \u202E\u3164 '],
  ])('counts %s as blank', (_what, sut) => {
    expect(isBlankText(sut)).toBe(true);
  });

  it.each([
    ['a letter between invisible characters', '\u200Ba\u200B'],
    ['a full stop', '.'],
    ['an emoji', '😀'],
    ['right-to-left script', 'مرحبا'],
  ])('does not count %s as blank', (_what, sut) => {
    expect(isBlankText(sut)).toBe(false);
  });
});

describe('bidi controls in names', () => {
  it.each(['\u061C', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069'].map((control) => [control.codePointAt(0)!.toString(16), control]))(
    'finds U+%s, in the code and in the documented pattern',
    (_code, control) => {
      const sut = `Anouk ${control}de Vries`;

      expect(hasBidiControl(sut)).toBe(true);
      expect(new RegExp(PERSON_NAME_PATTERN).test(sut)).toBe(false);
    },
  );

  it('lets names in any script through, zero-width joiners included', () => {
    for (const sut of ['Anouk de Vries', "'t Hooft", 'محمد الأمين', 'Zoë\u200DÇelik']) {
      expect(hasBidiControl(sut)).toBe(false);
      expect(new RegExp(PERSON_NAME_PATTERN).test(sut)).toBe(true);
    }
  });

  it('documents that a name is not white space alone', () => {
    expect(new RegExp(PERSON_NAME_PATTERN).test('   ')).toBe(false);
  });
});
