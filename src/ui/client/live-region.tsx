import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<(text: string) => void>();

/** Tells screen-reader users, politely, what changed without their doing: a list refreshed, a stage moved on. */
export function announce(text: string): void {
  for (const listener of listeners) listener(text);
}

/** The one polite live region of the page; `announce` writes into it. */
export function LiveRegion() {
  const [text, setText] = useState('');
  useEffect(() => {
    const listener = (next: string) => {
      // Clearing first makes a repeated message count as new for screen readers.
      setText('');
      requestAnimationFrame(() => setText(next));
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return <div class="vb-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">{text}</div>;
}
