import { Countdown } from '../components/countdown';
import { useI18n } from '../i18n/language';
import { urgencyOf, type Urgency } from './inbox-urgency';

// RVO's tags carry the colour; the text in them says the same, so colour is never the only signal.
const TAG_CLASS: Readonly<Record<Urgency, string>> = {
  overdue: 'rvo-tag--error',
  dueSoon: 'rvo-tag--warning',
  later: 'rvo-tag--success',
  none: 'rvo-tag--info',
};

/** "Due: <date> (3 d left) [On time]": when something is due, how long is left, and how urgent that is, in words and in colour. */
export function InboxDue({ label, at, now }: { label: string; at: string | null; now: number }) {
  const { m, dateTime } = useI18n();
  const urgency = urgencyOf(at, now);
  return (
    <p class="utrecht-paragraph vb-inbox-due">
      <span class="vb-inbox-due__label">{label}: </span>
      {at ? <><time dateTime={at}>{dateTime(at)}</time> (<Countdown at={at} />)</> : <span>{m.inbox.noDate}</span>}{' '}
      <span class={`rvo-tag ${TAG_CLASS[urgency]} vb-inbox-urgency`} data-urgency={urgency}>{m.inbox.urgency[urgency]}</span>
    </p>
  );
}

/** The class that marks an inbox item by urgency (an overdue one gets a red edge). */
export function urgencyClass(at: string | null, now: number): string {
  return `vb-inbox-item vb-inbox-item--${urgencyOf(at, now)}`;
}
