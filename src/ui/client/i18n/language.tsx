import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { DomainText } from '../../../domain/domain-text';
import { renderDomainText } from '../../../i18n/catalogue/render-domain-text';
import { formatDateTime } from './dates';
import { en } from './en';
import { isLanguage, type Language, type Messages } from './messages';
import { nl } from './nl';

const DICTIONARIES: Readonly<Record<Language, Messages>> = { nl, en };
/** Where the chosen language is remembered across visits. */
export const LANGUAGE_STORAGE_KEY = 'brigade.language';

/** The chosen language, its texts, and a way to switch. */
export interface I18n {
  readonly language: Language;
  readonly m: Messages;
  setLanguage(language: Language): void;
  /** A date-time in the chosen language. */
  dateTime(iso: string | null | undefined): string;
  /** A text the system recorded (risk reason, task title, escalation reason) in the chosen language, from its code. */
  text(text: DomainText): string;
}

const I18nContext = createContext<I18n | null>(null);

/** The language the user chose, as remembered; Dutch when none was chosen or storage is off. */
export function chosenLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : 'nl';
  } catch {
    return 'nl';
  }
}

/** Provides the language to the screens; Dutch unless the user chose English before. Keeps `<html lang>` in step. */
export function LanguageProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguageState] = useState<Language>(chosenLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Storage may be off (private mode); the switch still holds for this visit.
    }
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => ({
    language,
    m: DICTIONARIES[language],
    setLanguage,
    dateTime: (iso) => formatDateTime(iso, language),
    text: (text) => renderDomainText(text, language),
  }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its texts. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs a LanguageProvider above it');
  return value;
}
