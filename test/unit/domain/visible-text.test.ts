import { PERSON_NAME_PATTERN, hasControlOrUnassignedCharacter, hasInvisibleCharacter, isBlankText, trimVisible } from '../../../src/domain/visible-text';

describe('text that is empty to the eye', () => {
  it.each([
    ['nothing', ''],
    ['white space', ' \t\n\u00A0\u3000'],
    ['zero-width characters', '\u200B\u200C\u200D\u2060\uFEFF\u180E'],
    ['bidi controls', '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069'],
    ['other invisible format characters', '\u00AD\u2061\u{E0001}'],
    ['Hangul fillers and the braille blank', '\u115F\u1160\u3164\uFFA0\u2800'],
    ['a mix of them', ' \u200B \u202E\u3164 '],
    ['the combining grapheme joiner', '\u034F'],
    ['variation selectors', '\uFE00\uFE01\uFE0E\uFE0F'],
    ['supplementary variation selectors', '\u{E0100}\u{E0150}\u{E01EF}'],
    ['the Khmer inherent vowels', '\u17B4\u17B5'],
    ['Mongolian variation selectors', '\u180B\u180C\u180D\u180F'],
    ['default-ignorable characters between spaces', ' \u034F \uFE0F\t\u{E0100}\n\u17B4 \u180B '],
  ])('counts %s as blank', (_what, sut) => {
    expect(isBlankText(sut)).toBe(true);
  });

  it.each([
    ['a letter between invisible characters', '\u200Ba\u200B'],
    ['a letter with a variation selector', 'a\uFE0F'],
    ['a full stop', '.'],
    ['an emoji', '😀'],
    ['an emoji sequence joined by ZWJ', '👩\u200D💻'],
    ['right-to-left script', 'مرحبا'],
  ])('does not count %s as blank', (_what, sut) => {
    expect(isBlankText(sut)).toBe(false);
  });
});

describe('invisible characters in names', () => {
  const namePattern = new RegExp(PERSON_NAME_PATTERN);

  it.each([
    ['a bidi control', '\u202E'], ['an isolate', '\u2066'], ['the Arabic letter mark', '\u061C'],
    ['a zero-width space', '\u200B'], ['a zero-width joiner', '\u200D'], ['a zero-width non-joiner', '\u200C'],
    ['the word joiner', '\u2060'], ['the BOM', '\uFEFF'], ['a soft hyphen', '\u00AD'], ['a tag character', '\u{E0041}'],
    ['the combining grapheme joiner', '\u034F'], ['a variation selector', '\uFE0F'], ['a supplementary variation selector', '\u{E0100}'],
    ['a Mongolian variation selector', '\u180B'], ['a Khmer inherent vowel', '\u17B4'], ['a Hangul filler', '\u3164'],
    ['the braille blank', '\u2800'],
  ])('finds %s, in the code and in the documented pattern', (_what, invisible) => {
    const sut = `Anouk ${invisible}de Vries`;

    expect(hasInvisibleCharacter(sut)).toBe(true);
    expect(namePattern.test(sut)).toBe(false);
  });

  it('lets names in any script through', () => {
    for (const sut of ['Anouk de Vries', "'t Hooft", 'محمد الأمين', 'Zoë Çelik', '김민준', 'Ὀδυσσεύς', 'Nguyễn Văn Anh']) {
      expect(hasInvisibleCharacter(sut)).toBe(false);
      expect(namePattern.test(sut)).toBe(true);
    }
  });

  it('documents that a name is not white space alone', () => {
    expect(namePattern.test('   ')).toBe(false);
  });

  // The documented pattern cannot use \p{…}, so it spells the classes out; here it must agree with them on every
  // code point of the Unicode version Node knows. A new version that adds invisible characters fails this test.
  it('documents exactly the characters the code refuses, for every code point', () => {
    const disagreements: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10FFFF; codePoint += 1) {
      if (codePoint >= 0xD800 && codePoint <= 0xDFFF) continue;
      const sut = `a${String.fromCodePoint(codePoint)}`;
      // Refused by the code exactly when the pattern does not match.
      if (hasInvisibleCharacter(sut) !== namePattern.test(sut)) continue;
      disagreements.push(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`);
    }

    expect(disagreements).toEqual([]);
  });
});

describe('characters that draw nothing although they are neither white space nor format characters', () => {
  it.each([
    ['NEL', '\u0085'], ['C0 controls', '\u0001\u0002'], ['DEL', '\u007F'], ['C1 controls', '\u0080\u0081\u009F'],
    ['a zero-width space and NEL', '\u200B\u0085'], ['an unassigned code point', '\u0378'], ['noncharacters', '\uFDD0\uFFFF'],
    ['a private-use character', '\uE000'],
  ])('counts %s as blank', (_name, sut) => {
    expect(isBlankText(sut)).toBe(true);
  });

  it.each([['a C0 control', 'Jan\u0001Smit'], ['NEL', 'Jan\u0085Smit'], ['a private-use character', 'Jan\uE000'], ['a noncharacter', 'Jan\uFDD0'], ['a line separator', 'Judith\u2028Schouten'], ['a paragraph separator', 'Judith\u2029Schouten']])(
    'refuses %s in a name', (_name, sut) => {
      expect(hasControlOrUnassignedCharacter(sut)).toBe(true);
    },
  );

  it('keeps line breaks in free text from counting as content, and lets names in any script through', () => {
    expect(isBlankText('\r\n\t')).toBe(true);
    expect(isBlankText('Regel één\nRegel twee')).toBe(false);
    for (const sut of ['Anouk de Vries', 'محمد الأمين', '김민준', 'Nguyễn Văn Anh']) expect(hasControlOrUnassignedCharacter(sut)).toBe(false);
  });
});

describe('trimming what is empty to the eye from both ends', () => {
  it.each([
    ['  Moved away \u200b ', 'Moved away'],
    ['\ufeff\u200bVerhuisd\u2060', 'Verhuisd'],
    ['\u00a0\u2800Verhuisd\u202f', 'Verhuisd'],
    ['\u200dVerhuisd \u200d', 'Verhuisd'],
    ['\tin\u200btwee\n', 'in\u200btwee'],
    ['Top \u2764\ufe0f ', 'Top \u2764\ufe0f'],
    [' \u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f} ', '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'],
    // Bidi controls stay: without its closing mark an isolate would stay open and turn the text shown after it.
    ['\u05d0\u200f ', '\u05d0\u200f'],
    [' J. \u2066de Boer\u2069 \u200b', 'J. \u2066de Boer\u2069'],
    ['\u200fJan Smit ', '\u200fJan Smit'],
    [' \u200b\u2800 ', ''],
    ['', ''],
  ])('trims %j to %j, keeping what belongs to a character that shows', (text, trimmed) => {
    expect(trimVisible(text)).toBe(trimmed);
  });

  it('trims to nothing exactly what is blank', () => {
    for (const text of ['  ', '\u200b', '\u0085', 'x', ' \u200bx\u200b ', '\u2764\ufe0f']) expect(trimVisible(text) === '').toBe(isBlankText(text));
  });
});
