import type { CaseEventType } from '../../../domain/case.events';
import { EventDetails } from '../components/event-details';
import { useI18n } from '../i18n/language';
import { localeOf } from '../i18n/messages';
import type { TimelineEntry } from '../../../api-contracts/case-history.contract';
import { auditTime, shortHash } from './audit-model';

/** The case's recorded events, oldest first, with who caused each and where it sits in the hash chain. */
export function AuditTimelineTable({ events, selectedVersion }: { events: readonly TimelineEntry[]; selectedVersion: number }) {
  const { m, language } = useI18n();
  return (
    <section aria-labelledby="audit-timeline-heading" class="vb-audit-section">
      <h2 class="utrecht-heading-2" id="audit-timeline-heading">{m.audit.timelineTitle}</h2>
      <div class="rvo-table--responsive">
        <table class="rvo-table vb-audit-timeline" data-testid="audit-timeline">
          <caption class="rvo-table__caption">{m.audit.timelineCaption(events.length)}</caption>
          <thead class="rvo-table-head">
            <tr class="rvo-table-row">
              <th scope="col" class="rvo-table-header">{m.audit.colVersion}</th>
              <th scope="col" class="rvo-table-header">{m.audit.colEvent}</th>
              <th scope="col" class="rvo-table-header">{m.audit.colActor}</th>
              <th scope="col" class="rvo-table-header">{m.audit.colOccurred}</th>
              <th scope="col" class="rvo-table-header">{m.audit.colHash}</th>
              <th scope="col" class="rvo-table-header">{m.audit.colPrevHash}</th>
            </tr>
          </thead>
          <tbody class="rvo-table-body">
            {events.map((event) => {
              const selected = event.version === selectedVersion;
              return (
                <tr class={`rvo-table-row${selected ? ' vb-row--selected' : ''}`} key={event.version} aria-current={selected ? 'step' : undefined} data-version={event.version}>
                  <td class="rvo-table-cell rvo-table-cell--numeric">{event.version}</td>
                  <td class="rvo-table-cell">{m.casePage.event[event.type as CaseEventType] ?? event.type}<EventDetails type={event.type} data={event.data} /></td>
                  <td class="rvo-table-cell">{m.audit.actor(m.audit.actorRole[event.actor.role as keyof typeof m.audit.actorRole] ?? event.actor.role, event.actor.name ? `${event.actor.name} (${event.actor.id})` : event.actor.id)}</td>
                  <td class="rvo-table-cell"><time dateTime={event.occurredAt}>{auditTime(event.occurredAt, localeOf(language))}</time></td>
                  <td class="rvo-table-cell"><code class="vb-hash" title={event.hash}>{shortHash(event.hash)}</code></td>
                  <td class="rvo-table-cell"><code class="vb-hash" title={event.prevHash}>{shortHash(event.prevHash)}</code></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
