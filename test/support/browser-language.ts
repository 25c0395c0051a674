import type { Page } from 'playwright-core';
import type { Language } from '../../src/ui/client/i18n/messages';
import { foreignWords, wordsOf } from './language-words';

/** One text a person reads on the page: the page's own text, or an attribute read out or shown on hover. */
export interface ReadableText {
  readonly where: string;
  readonly text: string;
}

/** Attributes people read: names read out, tooltips, placeholders, image texts. */
const READ_ATTRIBUTES = ['aria-label', 'aria-description', 'title', 'placeholder', 'alt'] as const;

// The little of the DOM the page function below uses: the test project compiles without the DOM library, and the
// function runs in the browser, where these are the real globals.
interface PageElement {
  readonly localName: string;
  readonly parentElement: PageElement | null;
  readonly type?: string;
  readonly value?: string;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  checkVisibility(options: { visibilityProperty: boolean }): boolean;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
interface PageTextNode {
  readonly textContent: string | null;
  readonly parentElement: PageElement | null;
}
declare const document: {
  readonly title: string;
  readonly documentElement: { readonly lang: string };
  readonly body: PageElement;
  createTreeWalker(root: PageElement, whatToShow: number): { nextNode(): PageTextNode | null };
};
/** `NodeFilter.SHOW_TEXT`. */
const SHOW_TEXT = 4;

/**
 * Every text a person can read or hear on the page in its own language: the title, rendered text (as `innerText`
 * has it, plus the options of selects and the titles of images), the attributes people read, and the labels of input
 * buttons. Text inside an element that declares another language (`lang`) is left out: it is marked up as such; so is
 * code (`<code>`: ids, commands).
 */
export function readableTexts(page: Page): Promise<ReadableText[]> {
  return page.evaluate(({ attributes, showText }) => {
    const pageLanguage = document.documentElement.lang;
    // Code (ids, commands) is no language; a datalist's options are suggestions nobody reads until typing.
    const skipped = 'script, style, noscript, template, datalist, code, kbd, samp';
    const inPageLanguage = (element: PageElement) => (element.closest('[lang]')?.getAttribute('lang') ?? pageLanguage) === pageLanguage;
    // Options of a closed select and the <title> of an SVG image are not drawn, yet people read or hear them.
    const readable = (element: PageElement) => !element.closest(skipped) && inPageLanguage(element)
      && (element.closest('option, svg') !== null || element.checkVisibility({ visibilityProperty: true }));
    const found: ReadableText[] = [{ where: 'document title', text: document.title }];
    const walker = document.createTreeWalker(document.body, showText);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text && node.parentElement && readable(node.parentElement)) found.push({ where: `<${node.parentElement.localName}>`, text });
    }
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      if (!readable(element)) continue;
      for (const attribute of attributes) {
        const text = element.getAttribute(attribute)?.trim();
        if (text) found.push({ where: `<${element.localName} ${attribute}>`, text });
      }
      if (element.localName === 'input' && ['button', 'submit', 'reset'].includes(element.type ?? '') && element.value) {
        found.push({ where: '<input value>', text: element.value });
      }
    }
    return found;
  }, { attributes: [...READ_ATTRIBUTES], showText: SHOW_TEXT });
}

/** A text on the page with words of the other language in it. */
export interface LanguageLeak extends ReadableText {
  readonly words: readonly string[];
}

/**
 * The texts on a page in `language` that hold words of the other language, after taking out `allowed` texts (names
 * of people and places, what the test typed itself): each with where it stands and the words that gave it away.
 */
export async function otherLanguageOnPage(page: Page, language: Language, allowed: readonly string[]): Promise<LanguageLeak[]> {
  const foreign = foreignWords(language);
  // Longest first, so that "Anouk de Vries" is taken out whole before a shorter allowed text inside it.
  const allowedFirst = [...allowed].sort((a, b) => b.length - a.length);
  return (await readableTexts(page)).flatMap((readable) => {
    const remainder = allowedFirst.reduce((text, name) => text.split(name).join(' '), readable.text);
    const words = [...new Set(wordsOf(remainder).filter((word) => foreign.has(word)))];
    return words.length > 0 ? [{ ...readable, words }] : [];
  });
}

/** The leaks as lines a failing test prints: where, the text, and the words of the other language. */
export function describeLeaks(leaks: readonly LanguageLeak[]): string[] {
  return leaks.map((leak) => `${leak.where} "${leak.text}": ${leak.words.join(', ')}`);
}
