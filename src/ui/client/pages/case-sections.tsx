import type { CaseState } from '../../../domain/case.state';
import type { StoredCaseEvent } from '../api-types';
import { Countdown } from '../components/countdown';
import { EventDetails } from '../components/event-details';
import { useI18n } from '../i18n/language';

/** The case's team: each expert and their part. */
export function TeamSection({ state }: { state: CaseState }) {
  const { m } = useI18n();
  return (
    <section aria-labelledby="case-team" class="vb-section">
      <h2 class="utrecht-heading-2" id="case-team">{m.casePage.team}</h2>
      {state.team.length === 0 ? <p class="utrecht-paragraph">{m.casePage.teamEmpty}</p> : (
        <ul class="rvo-ul vb-team">
          {state.team.map((member) => (
            <li key={member.expertId}>{member.name} <span class="rvo-tag rvo-tag--info">{member.role === 'lead' ? m.casePage.lead : m.casePage.support}</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The preparation tasks, who has them, when they are due and where they stand. */
export function TasksSection({ state }: { state: CaseState }) {
  const { m, text } = useI18n();
  const names = new Map(state.team.map((member) => [member.expertId, member.name]));
  return (
    <section aria-labelledby="case-tasks" class="vb-section">
      <h2 class="utrecht-heading-2" id="case-tasks">{m.casePage.tasks}</h2>
      {state.tasks.length === 0 ? <p class="utrecht-paragraph">{m.casePage.tasksEmpty}</p> : (
        <table class="rvo-table vb-table">
          <caption class="vb-visually-hidden">{m.casePage.tasks}</caption>
          <thead><tr>
            <th scope="col" class="rvo-table-header">{m.casePage.colTask}</th>
            <th scope="col" class="rvo-table-header">{m.casePage.colAssignee}</th>
            <th scope="col" class="rvo-table-header">{m.casePage.colDue}</th>
            <th scope="col" class="rvo-table-header">{m.casePage.colStatus}</th>
          </tr></thead>
          <tbody>
            {state.tasks.map((task) => (
              <tr key={task.taskId} data-testid="case-task" data-task-id={task.taskId} data-status={task.status}>
                <th scope="row" class="rvo-table-cell vb-row-head">{text(task.title)}</th>
                <td class="rvo-table-cell">{task.assigneeId === null ? m.casePage.withCoordinator : names.get(task.assigneeId) ?? task.assigneeId}</td>
                <td class="rvo-table-cell">{task.status === 'open' ? <Countdown at={task.dueAt} /> : <span class="vb-muted">—</span>}</td>
                <td class="rvo-table-cell">{m.casePage.taskStatus[task.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Offers waiting for an expert's answer. */
export function OffersSection({ state }: { state: CaseState }) {
  const { m } = useI18n();
  return (
    <section aria-labelledby="case-offers" class="vb-section">
      <h2 class="utrecht-heading-2" id="case-offers">{m.casePage.offers}</h2>
      {state.openOffers.length === 0 ? <p class="utrecht-paragraph">{m.casePage.offersEmpty}</p> : (
        <table class="rvo-table vb-table">
          <caption class="vb-visually-hidden">{m.casePage.offers}</caption>
          <thead><tr>
            <th scope="col" class="rvo-table-header">{m.casePage.colExpert}</th>
            <th scope="col" class="rvo-table-header">{m.casePage.colRound}</th>
            <th scope="col" class="rvo-table-header">{m.casePage.colExpires}</th>
          </tr></thead>
          <tbody>
            {state.openOffers.map((offer) => (
              <tr key={offer.offerId} data-testid="case-offer" data-offer-id={offer.offerId}>
                <th scope="row" class="rvo-table-cell vb-row-head">{offer.expertName}</th>
                <td class="rvo-table-cell">{offer.round}</td>
                <td class="rvo-table-cell"><Countdown at={offer.expiresAt} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// Experts act under their id; the offers and assignments in the same history name them.
function expertNames(events: readonly StoredCaseEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const event of events) {
    const { expertId, expertName } = event.data as { expertId?: unknown; expertName?: unknown };
    if (typeof expertId === 'string' && typeof expertName === 'string') names.set(expertId, expertName);
  }
  return names;
}

/** The recorded events, newest first: when, what (with what a manual assignment set aside, and why), and who. */
export function TimelineSection({ events }: { events: readonly StoredCaseEvent[] | undefined }) {
  const { m, dateTime } = useI18n();
  const names = expertNames(events ?? []);
  const actorText = (actor: StoredCaseEvent['actor']) => {
    if (actor.role === 'system') return 'Brigade';
    const role = actor.role in m.roles ? m.roles[actor.role as keyof typeof m.roles] : actor.role;
    return `${actor.name ?? names.get(actor.id) ?? actor.id} (${role})`;
  };
  return (
    <section aria-labelledby="case-timeline" class="vb-section">
      <h2 class="utrecht-heading-2" id="case-timeline">{m.casePage.timeline}</h2>
      {!events ? <p class="utrecht-paragraph">{m.app.loading}</p> : events.length === 0 ? <p class="utrecht-paragraph">{m.casePage.timelineEmpty}</p> : (
        <table class="rvo-table vb-table" data-testid="case-timeline">
          <caption class="rvo-caption vb-caption">{m.casePage.timelineCaption}</caption>
          <thead><tr>
            <th scope="col" class="rvo-table-header">#</th>
            <th scope="col" class="rvo-table-header">{m.casePage.colWhen}</th>
            <th scope="col" class="rvo-table-header">{m.casePage.colEvent}</th>
            <th scope="col" class="rvo-table-header">{m.casePage.colActor}</th>
          </tr></thead>
          <tbody>
            {[...events].reverse().map((event) => (
              <tr key={event.version} data-event-type={event.type}>
                <td class="rvo-table-cell">{event.version}</td>
                <td class="rvo-table-cell"><time dateTime={event.occurredAt}>{dateTime(event.occurredAt)}</time></td>
                <th scope="row" class="rvo-table-cell vb-row-head">{m.casePage.event[event.type] ?? event.type}<EventDetails type={event.type} data={event.data} /></th>
                <td class="rvo-table-cell">{actorText(event.actor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
