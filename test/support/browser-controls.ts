import type { Page } from 'playwright-core';

/** The accessible names of the buttons on the page that can be pressed now, in document order. */
export async function enabledButtonNames(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (const button of await page.getByRole('button').all()) {
    if (!(await button.isEnabled())) continue;
    const label = await button.getAttribute('aria-label');
    names.push((label ?? (await button.innerText())).trim());
  }
  return names;
}
