import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { markBackground } from './api';
import { ApiError } from './api-error';

/** How often screens refresh what they show. */
export const POLL_INTERVAL_MS = 3000;

/** What a polled loader has produced so far. */
export interface Polled<T> {
  /** The last value loaded; kept while a later load fails, so the screen does not go blank. */
  readonly data: T | undefined;
  /** The last load's error, cleared by the next success. */
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  readonly updatedAt: Date | undefined;
  /** Loads again now, e.g. right after an action. */
  refresh(): Promise<void>;
}

/**
 * Runs `load` now and every `intervalMs` while the tab is visible, so screens follow the case without a reload. A
 * hidden tab stops asking and catches up the moment it is shown again. `deps` restart it (new filters, another case).
 */
export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[], intervalMs = POLL_INTERVAL_MS): Polled<T> {
  const [state, setState] = useState<Omit<Polled<T>, 'refresh'>>({ data: undefined, error: undefined, loading: true, updatedAt: undefined });
  const loadRef = useRef(load);
  loadRef.current = load;
  const running = useRef<AbortController | null>(null);

  // A refresh asked for (after an action, on a new filter) replaces a load in flight, whose answer may be stale. Only
  // loads the person caused count as activity; the timer's and a tab's return do not keep a session alive.
  const loadNow = useCallback(async (background: boolean) => {
    running.current?.abort();
    const controller = new AbortController();
    if (background) markBackground(controller.signal);
    running.current = controller;
    try {
      const data = await loadRef.current(controller.signal);
      if (!controller.signal.aborted) setState({ data, error: undefined, loading: false, updatedAt: new Date() });
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = ApiError.from(error);
      setState((previous) => ({ ...previous, error: failure, loading: false }));
    } finally {
      if (running.current === controller) running.current = null;
    }
  }, []);
  const refresh = useCallback(() => loadNow(false), [loadNow]);
  // A tick while the last load is still on its way waits for the next tick, so a slow server is not asked twice.
  const tick = useCallback(() => {
    if (running.current === null) void loadNow(true);
  }, [loadNow]);

  useEffect(() => {
    setState((previous) => ({ ...previous, data: undefined, loading: true }));
    void refresh();
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer === undefined) timer = setInterval(tick, intervalMs);
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.hidden) return stop();
      void loadNow(true);
      start();
    };
    if (!document.hidden) start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
      running.current?.abort();
    };
    // The caller names what restarts polling; `load` itself is read through a ref so that a new closure does not.
  }, [...deps, intervalMs]);

  return { ...state, refresh };
}
