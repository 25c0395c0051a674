import { CATALOGUE } from '../../../src/i18n/catalogue/catalogue';
import type { TextGroup } from '../../../src/i18n/catalogue/catalogue-shape';

/** Every text of a language's catalogue by its dotted key, with the placeholders it fills, in order of name. */
function shape(group: TextGroup, path = ''): string[] {
  return Object.entries(group).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    if (typeof value !== 'string') return shape(value, at);
    const placeholders = [...new Set([...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
    return [`${at} {${placeholders.join(',')}}`];
  });
}

function texts(group: TextGroup): string[] {
  return Object.values(group).flatMap((value) => (typeof value === 'string' ? [value] : texts(value)));
}

describe('the message catalogue', () => {
  it('has the same codes in Dutch and English, each text with the same placeholders in both', () => {
    expect(shape(CATALOGUE.en)).toEqual(shape(CATALOGUE.nl));
  });

  it('leaves no text empty in either language', () => {
    expect(texts(CATALOGUE.nl).filter((text) => text.trim() === '')).toEqual([]);
    expect(texts(CATALOGUE.en).filter((text) => text.trim() === '')).toEqual([]);
  });

  it('names each field in a problem by its label, so every problem text has a {field} or stands for the whole request', () => {
    const problems = CATALOGUE.nl.problems as TextGroup;
    const withoutField = Object.entries(problems).filter(([, text]) => typeof text === 'string' && !text.includes('{field}')).map(([code]) => code);

    expect(withoutField).toEqual(['version_or_moment', 'not_version_and_moment']);
  });
});
