import type { nl } from './nl';

// Every text becomes `string` and every template keeps its parameters, so another language fills the same shape.
type Widened<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widened<T[K]> };

/** The shape every dictionary has: the Dutch one's keys, with any text in them. */
export type Messages = Widened<typeof nl>;

/** The languages of the screens; Dutch is the default. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Whether a stored value names one of the screens' languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The `Intl` locale a language formats dates and numbers in. */
export function localeOf(language: Language): string {
  return language === 'nl' ? 'nl-NL' : 'en-GB';
}
