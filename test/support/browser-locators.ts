import type { Locator, Page } from 'playwright-core';

/**
 * The form control labelled `text`, with or without a parenthesised note after it such as "Gemeente (verplicht)":
 * `exact` would miss those, and a plain substring could match a longer label or a region named by a heading.
 */
export function labelled(scope: Page | Locator, text: string): Locator {
  return scope.getByLabel(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\(.+\\))?$`));
}
