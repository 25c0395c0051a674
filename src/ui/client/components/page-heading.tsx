import type { ComponentChildren } from 'preact';

/**
 * The page's one `h1`. It can take focus (but is not in the tab order), so that after a screen change keyboard and
 * screen-reader users start at the new page's heading; `app.tsx` moves focus here.
 */
export function PageHeading({ children }: { children: ComponentChildren }) {
  return <h1 class="utrecht-heading-1 vb-page-heading" tabIndex={-1} data-page-heading="">{children}</h1>;
}

/** Moves focus to the current page's heading. */
export function focusPageHeading(): void {
  document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
}
