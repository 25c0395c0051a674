import { useEffect, useState } from 'preact/hooks';

/** The current time, re-rendering every `stepMs`; countdowns tick on it between two polls of the API. */
export function useNow(stepMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), stepMs);
    return () => clearInterval(timer);
  }, [stepMs]);
  return now;
}
