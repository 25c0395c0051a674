import { en } from '../../src/ui/client/i18n/en';
import { localeOf, type Language } from '../../src/ui/client/i18n/messages';
import { nl } from '../../src/ui/client/i18n/nl';

const DICTIONARIES = { nl, en } as const;

/** The other language of the screens. */
export function otherLanguage(language: Language): Language {
  return language === 'nl' ? 'en' : 'nl';
}

// Case ids, short case numbers and hashes: hexadecimal, so a run of their letters could pass for a word ("de").
const HEX_IDS = /\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b|\b[0-9a-f]{8,}\b/gi;

/**
 * The lower-case words of a text: runs of letters, two or more long (one letter says nothing about a language), leaving
 * out ids and anything with a digit in it ("GM0637", "2u").
 */
export function wordsOf(text: string): string[] {
  return (text.replace(HEX_IDS, ' ').toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 2 && !/\p{N}/u.test(word));
}

// A template is filled with placeholders, 0 and 1, so that the words of each of its branches ("Geen", "1 taak") count.
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return ['\u0001', 0, 1].map((arg) => String(value(...Array<unknown>(value.length).fill(arg))));
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(textsOf);
  return [];
}

// Month and weekday names, long and short, as the language's locale writes dates: a date in the wrong language shows here.
function dateWordsOf(language: Language): string[] {
  const locale = localeOf(language);
  const names = (options: Intl.DateTimeFormatOptions, dates: Date[]) => dates.map((date) => new Intl.DateTimeFormat(locale, options).format(date));
  const months = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, 15)));
  const days = Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2026, 10, 2 + day)));
  return [
    ...names({ month: 'long', timeZone: 'UTC' }, months), ...names({ month: 'short', timeZone: 'UTC' }, months),
    ...names({ weekday: 'long', timeZone: 'UTC' }, days), ...names({ weekday: 'short', timeZone: 'UTC' }, days),
  ];
}

function vocabularyOf(language: Language): Set<string> {
  // The language switch is written in the language it switches to (and marked with its `lang`), so it is not this one's.
  const { switchLanguage: _name, switchLanguageLabel: _label, ...app } = DICTIONARIES[language].app;
  return new Set([...textsOf({ ...DICTIONARIES[language], app }), ...dateWordsOf(language)].flatMap(wordsOf));
}

/**
 * The words that mark text as the other language on a page in `language`: every word of the other dictionary and of
 * its month and weekday names, less the words this language's dictionary uses too ("Token", "Status", "Intake").
 */
export function foreignWords(language: Language): ReadonlySet<string> {
  const own = vocabularyOf(language);
  return new Set([...vocabularyOf(otherLanguage(language))].filter((word) => !own.has(word)));
}
