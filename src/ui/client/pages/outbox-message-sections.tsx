import type { OutboxAttempt, OutboxCalendar, ReceivedCopy } from '../../../api-contracts/outbox.contract';
import { useI18n } from '../i18n/language';

/** The calendar invitation a session message carried: its kind and start, and the .ics itself behind a disclosure. */
export function CalendarSection({ calendar }: { calendar: OutboxCalendar }) {
  const { m, dateTime } = useI18n();
  // A start in UTC is shown in Dutch time like every other moment; one written in a named zone is shown as written.
  const start = calendar.startsAt === null ? null : calendar.timeZone ? `${calendar.startsAt.replace('T', ' ')} (${calendar.timeZone})` : dateTime(calendar.startsAt);
  return (
    <section aria-labelledby="outbox-calendar" class="vb-section" data-testid="outbox-calendar">
      <h2 class="utrecht-heading-2" id="outbox-calendar">{m.outbox.calendarTitle}</h2>
      <dl class="vb-facts">
        {calendar.method && <><dt>{m.outbox.calendarMethod}</dt><dd>{m.outbox.calendarMethods[calendar.method] ?? calendar.method}</dd></>}
        {start && <><dt>{m.outbox.calendarStart}</dt><dd>{start}</dd></>}
      </dl>
      <details class="vb-disclosure">
        <summary>{m.outbox.calendarRaw}</summary>
        <pre class="vb-message-text">{calendar.raw}</pre>
      </details>
    </section>
  );
}

/** Every try at sending, oldest first, with the error of each that failed. */
export function AttemptsSection({ attempts }: { attempts: readonly OutboxAttempt[] }) {
  const { m, dateTime } = useI18n();
  return (
    <section aria-labelledby="outbox-attempts" class="vb-section">
      <h2 class="utrecht-heading-2" id="outbox-attempts">{m.outbox.attemptsTitle}</h2>
      {attempts.length === 0 ? <p class="utrecht-paragraph">{m.outbox.noAttempts}</p> : (
        <div class="rvo-table--responsive vb-table-wrap">
          <table class="rvo-table vb-table" data-testid="outbox-attempts">
            <caption class="rvo-caption vb-caption">{m.outbox.attemptsCaption(attempts.length)}</caption>
            <thead class="rvo-table-head">
              <tr class="rvo-table-row">
                <th scope="col" class="rvo-table-header">{m.outbox.colAttempt}</th>
                <th scope="col" class="rvo-table-header">{m.outbox.colStarted}</th>
                <th scope="col" class="rvo-table-header">{m.outbox.colResult}</th>
              </tr>
            </thead>
            <tbody class="rvo-table-body">
              {attempts.map((attempt) => {
                const failed = attempt.errorCode !== null || attempt.error !== null;
                return (
                  <tr class="rvo-table-row" key={`${attempt.attempt}-${attempt.startedAt}`}>
                    <th scope="row" class="rvo-table-cell vb-row-head">{attempt.attempt}</th>
                    <td class="rvo-table-cell">{dateTime(attempt.startedAt)}</td>
                    <td class="rvo-table-cell">
                      {failed ? m.outbox.attemptFailed : m.outbox.attemptOk}
                      {attempt.errorCode && <span class="vb-mono"> ({attempt.errorCode})</span>}
                      {attempt.error && <span class="vb-muted vb-block">{attempt.error}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The copy the SMTP server inside Brigade received, with its envelope and, collapsed, its raw source. */
export function ReceivedCopySection({ copy }: { copy: ReceivedCopy | null }) {
  const { m, dateTime } = useI18n();
  return (
    <section aria-labelledby="outbox-received" class="vb-section" data-testid="outbox-received">
      <h2 class="utrecht-heading-2" id="outbox-received">{m.outbox.receivedTitle}</h2>
      {copy === null ? <p class="utrecht-paragraph">{m.outbox.receivedNone}</p> : (
        <>
          <p class="utrecht-paragraph">{m.outbox.receivedIntro}</p>
          <dl class="vb-facts">
            <dt>{m.outbox.receivedAt}</dt><dd>{dateTime(copy.receivedAt)}</dd>
            <dt>Message-ID</dt><dd class="vb-mono vb-break">{copy.messageId}</dd>
            <dt>{m.outbox.envelopeFrom}</dt><dd class="vb-break">{copy.envelopeFrom}</dd>
            <dt>{m.outbox.envelopeTo}</dt><dd class="vb-break">{copy.envelopeTo.join(', ')}</dd>
          </dl>
          <details class="vb-disclosure">
            <summary>{m.outbox.rawSource}</summary>
            <pre class="vb-message-text" data-testid="outbox-raw">{copy.raw}</pre>
          </details>
        </>
      )}
    </section>
  );
}
