import { countdownParts, formatCountdown } from '../countdown-format';
import { useI18n } from '../i18n/language';
import { useNow } from '../use-now';

/** A deadline counting down each second ("nog 2 u 5 min"), "… te laat" once passed; the exact time is in `<time>`. */
export function Countdown({ at, testId }: { at: string | null | undefined; testId?: string }) {
  const { m, dateTime } = useI18n();
  const now = useNow();
  if (!at) return <span class="vb-countdown vb-countdown--none">{m.countdown.none}</span>;
  const parts = countdownParts(Date.parse(at), now);
  return (
    <time class={`vb-countdown${parts.overdue ? ' vb-countdown--overdue' : ''}`} dateTime={at} title={dateTime(at)} data-testid={testId} data-overdue={parts.overdue}>
      {formatCountdown(parts, m.countdown)}
    </time>
  );
}
