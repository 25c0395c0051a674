import { useI18n } from '../i18n/language';
import { eventDetails } from './event-detail-lines';

/** The facts a recorded event holds beyond its name, one per line, below its name in a timeline; nothing when it has none. */
export function EventDetails({ type, data }: { readonly type: string; readonly data: Readonly<Record<string, unknown>> }) {
  const { m } = useI18n();
  const details = eventDetails(type, data, m);
  if (details.length === 0) return null;
  // Text nodes only: the note and the reason are a person's words, which Preact escapes.
  return (
    <ul class="vb-event-details" data-testid="event-details">
      {details.map((detail, index) => <li key={index} data-detail={detail.kind}>{detail.text}</li>)}
    </ul>
  );
}
