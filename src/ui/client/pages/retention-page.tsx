import type { ErasureRequestView, RetentionListView } from '../../../api-contracts/retention.contract';
import { shortCaseNumber } from '../case-number';
import { Alert } from '../components/alert';
import { PageHeading } from '../components/page-heading';
import { errorTitle } from '../error-title';
import { useI18n } from '../i18n/language';
import type { PageProps } from '../page-props';
import { currentSession } from '../session-store';
import { usePolling } from '../use-polling';
import { useSubmission } from '../use-submission';
import { ErasureRequestForm } from './erasure-request-form';
import { retentionApi } from './retention-api';

/**
 * Retention at /ui/retention: the destruction lists the daily review proposes and the erasure requests, each waiting
 * for a second coordinator (four eyes); coordinators decide and register requests, auditors read.
 */
export function RetentionPage(_props: PageProps) {
  const { m } = useI18n();
  const lists = usePolling((signal) => retentionApi.lists(signal), []);
  const requests = usePolling((signal) => retentionApi.requests(signal), []);
  const deciding = currentSession()?.role === 'coordinator';
  return (
    <div data-testid="retention-page">
      <PageHeading>{m.retention.title}</PageHeading>
      <p class="utrecht-paragraph">{m.retention.intro}</p>
      <h2 class="utrecht-heading-2">{m.retention.listsTitle}</h2>
      {lists.error && <Alert kind="error" title={errorTitle(lists.error, m)}>{lists.error.message}</Alert>}
      {lists.data?.length === 0 && <p class="utrecht-paragraph">{m.retention.noLists}</p>}
      {lists.data?.map((list) => <DestructionList key={list.listId} list={list} deciding={deciding} onDecided={lists.refresh} />)}
      <h2 class="utrecht-heading-2">{m.retention.requestsTitle}</h2>
      {deciding && <ErasureRequestForm onDone={requests.refresh} />}
      {requests.error && <Alert kind="error" title={errorTitle(requests.error, m)}>{requests.error.message}</Alert>}
      {requests.data?.length === 0 && <p class="utrecht-paragraph">{m.retention.noRequests}</p>}
      {requests.data && requests.data.length > 0 && <RequestTable requests={requests.data} deciding={deciding} onDecided={requests.refresh} />}
    </div>
  );
}

function DestructionList({ list, deciding, onDecided }: { list: RetentionListView; deciding: boolean; onDecided: () => Promise<void> }) {
  const { m, dateTime } = useI18n();
  const submission = useSubmission();
  const decide = (decision: 'approve' | 'reject') => submission.run(async () => {
    await retentionApi.decideList(list.listId, decision);
    await onDecided();
  });
  return (
    <section class="vb-section" data-testid="retention-list" data-list-id={list.listId} data-state={list.state}>
      <h3 class="utrecht-heading-3">{m.retention.listHeading(dateTime(list.proposedAt), m.retention.listState[list.state])}</h3>
      <p class="utrecht-paragraph">{m.retention.approvals(list.approvedBy.join(', '))}</p>
      <div class="rvo-table--responsive vb-table-wrap">
        <table class="rvo-table vb-table">
          <caption class="rvo-caption vb-caption">{m.retention.listCaption(list.cases.length)}</caption>
          <thead class="rvo-table-head"><tr class="rvo-table-row">
            <th scope="col" class="rvo-table-header">{m.retention.colCase}</th>
            <th scope="col" class="rvo-table-header">{m.retention.colEnded}</th>
            <th scope="col" class="rvo-table-header">{m.retention.colRule}</th>
            <th scope="col" class="rvo-table-header">{m.retention.colAction}</th>
          </tr></thead>
          <tbody class="rvo-table-body">
            {list.cases.map((listed) => (
              <tr class="rvo-table-row" key={listed.caseId}>
                <th scope="row" class="rvo-table-cell vb-row-head"><a class="rvo-link" href={`/ui/cases/${listed.caseId}`}>{shortCaseNumber(listed.caseId)}</a>
                  <span class="vb-muted vb-block">{m.category[listed.category]}</span></th>
                <td class="rvo-table-cell">{dateTime(listed.endedAt)}<span class="vb-muted vb-block">{m.retention.outcome[listed.outcome]}</span></td>
                <td class="rvo-table-cell">{listed.ruleId}<span class="vb-muted vb-block">{m.retention.keptFor(listed.keepFor, dateTime(listed.dueAt))}</span></td>
                <td class="rvo-table-cell">{m.retention.action[listed.action]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {submission.error && <Alert kind="error" title={errorTitle(submission.error, m)} testId="retention-list-error">{submission.error.message}</Alert>}
      {deciding && (list.state === 'proposed') && (
        <p class="utrecht-paragraph vb-actions">
          <button type="button" class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-md" disabled={submission.busy} onClick={() => void decide('approve')}>{m.retention.approve}</button>{' '}
          <button type="button" class="utrecht-button utrecht-button--secondary-action utrecht-button--rvo-md" disabled={submission.busy} onClick={() => void decide('reject')}>{m.retention.reject}</button>
        </p>
      )}
    </section>
  );
}

function RequestTable({ requests, deciding, onDecided }: { requests: readonly ErasureRequestView[]; deciding: boolean; onDecided: () => Promise<void> }) {
  const { m, dateTime } = useI18n();
  const submission = useSubmission();
  const decide = (requestId: string, decision: 'approve' | 'reject') => submission.run(async () => {
    await retentionApi.decideRequest(requestId, decision);
    await onDecided();
  });
  return (
    <>
      {submission.error && <Alert kind="error" title={errorTitle(submission.error, m)} testId="erasure-request-error">{submission.error.message}</Alert>}
      <div class="rvo-table--responsive vb-table-wrap">
        <table class="rvo-table vb-table" data-testid="erasure-requests">
          <caption class="rvo-caption vb-caption">{m.retention.requestsCaption(requests.length)}</caption>
          <thead class="rvo-table-head"><tr class="rvo-table-row">
            <th scope="col" class="rvo-table-header">{m.retention.colSubject}</th>
            <th scope="col" class="rvo-table-header">{m.retention.colRequested}</th>
            <th scope="col" class="rvo-table-header">{m.retention.colState}</th>
            {deciding && <th scope="col" class="rvo-table-header">{m.retention.colDecide}</th>}
          </tr></thead>
          <tbody class="rvo-table-body">
            {requests.map((request) => (
              <tr class="rvo-table-row" key={request.requestId} data-testid="erasure-request" data-state={request.state}>
                <th scope="row" class="rvo-table-cell vb-row-head">
                  {request.subject.kind === 'officeHolder' ? m.retention.officeHolderOf(shortCaseNumber(request.subject.caseId!)) : m.retention.expert(request.subject.expertId!)}
                  <span class="vb-muted vb-block">{m.retention.reason[request.reason]}</span>
                </th>
                <td class="rvo-table-cell">{dateTime(request.requestedAt)}<span class="vb-muted vb-block">{request.requestedBy.name ?? request.requestedBy.id}</span></td>
                <td class="rvo-table-cell">{m.retention.requestState[request.state]}
                  {request.state === 'executed' && <span class="vb-muted vb-block">{m.retention.erasedIn(request.caseIds.length)}</span>}</td>
                {deciding && (
                  <td class="rvo-table-cell">
                    {request.state === 'requested' && (
                      <>
                        <button type="button" class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-sm" disabled={submission.busy} onClick={() => void decide(request.requestId, 'approve')}>{m.retention.approve}</button>{' '}
                        <button type="button" class="utrecht-button utrecht-button--secondary-action utrecht-button--rvo-sm" disabled={submission.busy} onClick={() => void decide(request.requestId, 'reject')}>{m.retention.reject}</button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
