import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import isLength from 'validator/lib/isLength';
import { textLength } from '../../../src/domain/case-text-limits';
import { MaxTextLength } from '../../../src/http/max-text-length';

class Probe {
  @MaxTextLength(3) readonly text!: string;
}

const TEXTS: ReadonlyArray<[string, string, number]> = [
  ['plain letters', 'abc', 3],
  ['emoji outside the basic plane', '😀😀😀', 3],
  ['a flag (two regional indicators)', '🇳🇱', 2],
  ['an emoji with its presentation selector', '❤️❤️❤️', 3],
  ['a letter with a combining accent', 'e\u0301', 2],
];

describe('the length of a text as its limits count it', () => {
  it.each(TEXTS)('counts %s as a person types it', (_name, text, length) => {
    expect(textLength(text)).toBe(length);
  });

  it.each(TEXTS)('agrees with the counting class-validator always used, for %s', (_name, text) => {
    expect(isLength(text, { max: textLength(text) })).toBe(true);
    expect(isLength(text, { max: textLength(text) - 1 })).toBe(false);
  });

  it('lets the API refuse exactly what decide refuses', () => {
    const problems = (text: string) => validateSync(plainToInstance(Probe, { text })).map((error) => Object.keys(error.constraints ?? {}));
    expect(problems('😀😀😀')).toEqual([]);
    expect(problems('😀😀😀😀')).toEqual([['maxLength']]);
  });
});
