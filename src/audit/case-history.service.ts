import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { eventsUpTo, foldHistory, type HistoryPoint } from '../domain/case-history';
import { withCaseStateTexts } from '../i18n/case-state-texts';
import type { CatalogueLanguage } from '../i18n/catalogue/languages';
import { EVENT_STORE, type EventStore, type StoredCaseEvent } from '../event-store/event-store.port';
import { SealedFieldsOpener } from '../field-encryption/sealed-fields-opener';
import { refusal } from '../http/refusal';
import type { CaseStateAt, CaseTimeline, TimelineEntry } from '../api-contracts/case-history.contract';

/** Reads a case's recorded history for auditors: the timeline, and the state as of a version or a moment. */
@Injectable()
export class CaseHistoryService {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore, private readonly opener: SealedFieldsOpener) {}

  async timeline(caseId: string): Promise<CaseTimeline> {
    const events = await this.existingStream(caseId);
    return { caseId, events: events.map(toTimelineEntry) };
  }

  /** The state as of a point, with its domain texts also rendered in the reader's language. */
  async stateAt(caseId: string, point: HistoryPoint, language: CatalogueLanguage): Promise<CaseStateAt> {
    const selection = eventsUpTo(await this.existingStream(caseId), point);
    if (selection.kind === 'beyond-last-version') {
      throw new NotFoundException(refusal('version_beyond_last', { caseId, version: 'version' in point ? point.version : '', lastVersion: selection.lastVersion }));
    }
    if (selection.kind === 'before-first-event') {
      throw new NotFoundException(refusal('moment_before_first', { caseId, at: 'at' in point ? point.at : '', firstOccurredAt: selection.firstOccurredAt ?? '' }));
    }
    const fold = foldHistory(selection.events);
    if (!fold.valid) {
      throw new UnprocessableEntityException(refusal('history_unfoldable', { caseId, version: fold.failedVersion ?? '', detail: `the history of case ${caseId} cannot be folded: version ${fold.failedVersion}: ${fold.problem}` }));
    }
    const last = selection.events.at(-1)!;
    return { caseId, version: last.version, at: 'at' in point ? new Date(point.at).toISOString() : last.occurredAt, state: withCaseStateTexts(fold.state!, language) };
  }

  private async existingStream(caseId: string): Promise<StoredCaseEvent[]> {
    const events = await this.eventStore.readStream(caseId);
    if (events.length === 0) throw new NotFoundException(refusal('case_not_found', { caseId }));
    // The timeline and the state are read by people; the hashes shown beside them are the stored ones.
    return this.opener.openEvents(events);
  }
}

function toTimelineEntry(event: StoredCaseEvent): TimelineEntry {
  const { version, type, actor, occurredAt, recordedAt, hash, prevHash, data } = event;
  return { version, type, actor, occurredAt, recordedAt, hash, prevHash, data };
}
