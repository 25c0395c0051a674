import { DESTROYED as DESTROYED_MARKER, REDACTED as REDACTED_MARKER } from '../../domain/sensitive-fields';
import { en } from './i18n/en';
import type { Language } from './i18n/messages';
import { nl } from './i18n/nl';

/** The answer with every destroyed or withheld value, which the API marks language-neutrally, in the page's words. */
export function sealedValuesInWords(body: unknown, language: Language): unknown {
  const words = (language === 'en' ? en : nl).sealedValues;
  const replace = (value: unknown): unknown => {
    if (value === DESTROYED_MARKER) return words.destroyed;
    if (value === REDACTED_MARKER) return words.redacted;
    if (Array.isArray(value)) return value.map(replace);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, replace(child)]));
    return value;
  };
  return replace(body);
}
