import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Alert } from '../components/alert';
import { PageHeading } from '../components/page-heading';
import { formatTime } from '../i18n/dates';
import { useI18n } from '../i18n/language';
import type { PageProps } from '../page-props';
import { useNow } from '../use-now';
import { usePolling } from '../use-polling';
import type { InboxDone } from './inbox-action';
import { loadInbox } from './inbox-api';
import { InboxCaseItem } from './inbox-case';
import { InboxOfferItem } from './inbox-offer';
import { InboxTaskItem } from './inbox-task';
import { overdueCount, soonestDueFirst, urgencyOf } from './inbox-urgency';
import { errorTitle } from '../error-title';

/** The expert's inbox at /ui/inbox: offers to answer, tasks to complete and cases to report on, the most urgent first. */
export function InboxPage(_props: PageProps) {
  const { m, language } = useI18n();
  const inbox = usePolling(loadInbox, []);
  // What the last action did stays in view: the item it concerned has usually left its list by then.
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const onDone: InboxDone = {
    started: () => setNotice(undefined),
    succeeded: async (text) => {
      setNotice(text);
      await inbox.refresh();
    },
  };
  // Urgency moves on between polls too: an item can become overdue while the page is open.
  const now = useNow(30_000);
  const offers = soonestDueFirst(inbox.data?.offers ?? [], (offer) => offer.expiresAt);
  const tasks = soonestDueFirst(inbox.data?.tasks ?? [], (task) => task.dueAt);
  const cases = soonestDueFirst(inbox.data?.cases ?? [], (item) => item.nextDeadline?.at ?? null);
  const dueTimes = [...offers.map((o) => o.expiresAt), ...tasks.map((t) => t.dueAt), ...cases.map((c) => c.nextDeadline?.at ?? null)];
  const overdue = overdueCount(dueTimes, (at) => at, now);
  const dueSoon = dueTimes.filter((at) => urgencyOf(at, now) === 'dueSoon').length;
  return (
    <div data-testid="inbox-page">
      <PageHeading>{m.inbox.title}</PageHeading>
      <p class="utrecht-paragraph">{m.inbox.intro}</p>
      <p class="utrecht-paragraph"><a class="rvo-link" href="/ui/inbox/settings">{m.notificationSettings.link}</a></p>
      {inbox.updatedAt && <p class="utrecht-paragraph vb-updated">{m.app.updatedAt(formatTime(inbox.updatedAt, language))}</p>}
      {inbox.error && (
        <Alert kind="error" title={errorTitle(inbox.error, m)}>
          <p class="utrecht-paragraph">{inbox.error.status === 0 ? m.errors.network : inbox.error.message}</p>
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => void inbox.refresh()}>{m.errors.retry}</button>
        </Alert>
      )}
      {notice && (
        // Not a live region: the live region has spoken the same words already.
        <div class="rvo-alert rvo-alert--success rvo-alert--padding-md vb-alert" data-testid="inbox-notice">
          <div class="rvo-alert__container">{notice}</div>
        </div>
      )}
      {inbox.data === undefined && !inbox.error && <p class="utrecht-paragraph">{m.app.loading}</p>}
      {inbox.data && (
        <>
          <p class={`utrecht-paragraph vb-inbox-summary${overdue > 0 ? ' vb-inbox-summary--overdue' : ''}`} data-testid="inbox-summary">
            {m.inbox.summary(offers.length, tasks.length, cases.length, overdue, dueSoon)}
          </p>
          <InboxSection id="inbox-offers" title={m.inbox.offers} empty={m.inbox.offersEmpty} count={offers.length}>
            {offers.map((offer) => <InboxOfferItem key={`${offer.caseId}/${offer.offerId}`} offer={offer} now={now} onDone={onDone} />)}
          </InboxSection>
          <InboxSection id="inbox-tasks" title={m.inbox.tasks} empty={m.inbox.tasksEmpty} count={tasks.length}>
            {tasks.map((task) => <InboxTaskItem key={`${task.caseId}/${task.taskId}`} task={task} now={now} onDone={onDone} />)}
          </InboxSection>
          <InboxSection id="inbox-cases" title={m.inbox.cases} empty={m.inbox.casesEmpty} count={cases.length}>
            {cases.map((item) => <InboxCaseItem key={item.caseId} item={item} now={now} onDone={onDone} />)}
          </InboxSection>
        </>
      )}
    </div>
  );
}

function InboxSection({ id, title, empty, count, children }: { id: string; title: string; empty: string; count: number; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-heading`} class="vb-inbox-section" data-testid={id}>
      <h2 class="utrecht-heading-2" id={`${id}-heading`}>{title} <span class="vb-count">({count})</span></h2>
      {count === 0 ? <p class="utrecht-paragraph">{empty}</p> : <ul class="vb-inbox-list">{children}</ul>}
    </section>
  );
}
