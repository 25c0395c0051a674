import { CASE_EVENT_SCHEMA_VERSIONS, type CaseEvent, type CaseEventType } from './case.events';
import { codedText } from './legacy-sentences';

// The data field of each event type that held English sentences until schema version 2 coded them.
const SENTENCE_FIELDS: Partial<Record<CaseEventType, string>> = {
  IntakeAssessed: 'reasons',
  OfferWithdrawn: 'reason',
  TaskAssigned: 'title',
  TaskWithdrawn: 'reason',
  TaskReturned: 'reason',
  TeamMemberRemoved: 'reason',
  RiskLevelChanged: 'reason',
  EscalationRaised: 'reason',
};
const CODED_FROM_VERSION = 2;

/**
 * A stored event as today's code reads it: an event of schema version 1 gets its English sentences as coded texts
 * (a sentence no code knows stays as a literal text) and the current schema version. Only for folding and display:
 * the stored event, which is hashed and compared with the workflow's recordings, is never rewritten.
 */
export function upcastCaseEvent<E extends CaseEvent>(event: E): E {
  const field = SENTENCE_FIELDS[event.type];
  if (field === undefined || event.schemaVersion >= CODED_FROM_VERSION) return event;
  const data = event.data as unknown as Record<string, unknown>;
  const value = data[field];
  const coded = Array.isArray(value) ? value.map(codedWhenText) : codedWhenText(value);
  return { ...event, schemaVersion: CASE_EVENT_SCHEMA_VERSIONS[event.type], data: { ...data, [field]: coded } };
}

// A stream from outside (an exported bundle) may hold anything; only text is upcast, and `evolve` judges the rest.
function codedWhenText(value: unknown): unknown {
  return typeof value === 'string' ? codedText(value) : value;
}
