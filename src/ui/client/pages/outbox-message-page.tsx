import type { OutboxMessage } from '../../../api-contracts/outbox.contract';
import { Alert } from '../components/alert';
import { PageHeading } from '../components/page-heading';
import { errorTitle } from '../error-title';
import { formatTime } from '../i18n/dates';
import { useI18n } from '../i18n/language';
import type { PageProps } from '../page-props';
import { usePolling } from '../use-polling';
import { outboxApi } from './outbox-api';
import { AttemptsSection, CalendarSection, ReceivedCopySection } from './outbox-message-sections';
import { DeliveryStatusTag, kindName, recipientDetail, recipientName, transportName } from './outbox-status';

/**
 * One message of the outbox at /ui/outbox/:key: what was sent (subject, text, calendar invitation), every try with its
 * error, how it ended, and the copy the embedded SMTP server received. It only reads.
 */
export function OutboxMessagePage({ params }: PageProps) {
  const { m, language } = useI18n();
  const key = params.key;
  // Polled, so a message still being retried shows its next try and its outcome as they come.
  const message = usePolling((signal) => outboxApi.message(key, signal), [key]);
  const back = <p class="utrecht-paragraph"><a class="rvo-link" href="/ui/outbox">{m.outbox.back}</a></p>;
  if (message.error && (message.error.status === 404 || message.error.status === 400) && !message.data) {
    return (
      <div>
        {back}
        <PageHeading>{m.outbox.messageTitle}</PageHeading>
        <Alert kind="error">{m.outbox.notFound}</Alert>
      </div>
    );
  }
  const data = message.data;
  return (
    <div data-testid="outbox-message-page">
      {back}
      <PageHeading>{data ? data.subject ?? kindName(data.kind, m) : m.outbox.messageTitle}</PageHeading>
      {message.error && <Alert kind="error" title={errorTitle(message.error, m)}>{message.error.status === 0 ? m.errors.network : message.error.message}</Alert>}
      {!data && !message.error && <p class="utrecht-paragraph">{m.app.loading}</p>}
      {message.updatedAt && <p class="vb-updated">{m.app.updatedAt(formatTime(message.updatedAt, language))}</p>}
      {data && (
        <>
          <FactsSection message={data} />
          <section aria-labelledby="outbox-as-sent" class="vb-section">
            <h2 class="utrecht-heading-2" id="outbox-as-sent">{m.outbox.asSent}</h2>
            <dl class="vb-facts">
              <dt>{m.outbox.subject}</dt><dd>{data.subject ?? m.outbox.noSubject}</dd>
            </dl>
            <h3 class="utrecht-heading-3 vb-message-heading">{m.outbox.text}</h3>
            <pre class="vb-message-text" data-testid="outbox-text">{data.body}</pre>
          </section>
          {data.calendar && <CalendarSection calendar={data.calendar} />}
          <AttemptsSection attempts={data.attempts} />
          <ReceivedCopySection copy={data.receivedCopy} />
        </>
      )}
    </div>
  );
}

function FactsSection({ message }: { message: OutboxMessage }) {
  const { m, dateTime } = useI18n();
  return (
    <section aria-labelledby="outbox-facts" class="vb-section">
      <h2 class="utrecht-heading-2" id="outbox-facts">{m.outbox.facts}</h2>
      <dl class="vb-facts">
        <dt>{m.outbox.colStatus}</dt><dd data-testid="outbox-status"><DeliveryStatusTag item={message} /></dd>
        <dt>{m.outbox.colRecipient}</dt>
        <dd>{recipientName(message.recipient, m)}<span class="vb-muted vb-block">{recipientDetail(message.recipient, m)}</span></dd>
        <dt>{m.outbox.colChannel}</dt><dd>{m.outbox.channel[message.channel]}</dd>
        <dt>{m.outbox.transport}</dt><dd>{transportName(message.transport, m)}</dd>
        <dt>{m.outbox.kindLabel}</dt><dd>{kindName(message.kind, m)}</dd>
        <dt>{m.outbox.language}</dt><dd>{m.outbox.languageName[message.language]}</dd>
        <dt>{m.outbox.caseNumber}</dt><dd><a class="rvo-link vb-mono" href={`/ui/cases/${message.caseId}`}>{message.caseId}</a></dd>
        <dt>{m.outbox.createdAt}</dt><dd>{dateTime(message.createdAt)}</dd>
        {message.sentAt && <><dt>{m.outbox.sentAt}</dt><dd>{dateTime(message.sentAt)}</dd></>}
        {message.outcome?.reference && <><dt>{m.outbox.reference}</dt><dd class="vb-mono vb-break">{message.outcome.reference}</dd></>}
        {message.outcome?.detail && <><dt>{m.outbox.failure}</dt><dd>{message.outcome.detail}</dd></>}
        <dt>{m.outbox.deliveryKey}</dt><dd class="vb-mono vb-break">{message.deliveryKey}</dd>
      </dl>
    </section>
  );
}
