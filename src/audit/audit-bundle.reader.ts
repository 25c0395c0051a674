import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { AUDIT_BUNDLE_FORMAT, READABLE_BUNDLE_VERSIONS, type AuditBundle } from './audit-bundle';

/** Thrown when a file is not an audit bundle this version of Brigade can read; the message names what is wrong. */
export class InvalidAuditBundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAuditBundleError';
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isWhole = (value: unknown): value is number => Number.isInteger(value);

// What the hash chain and the fold read of each event; the content itself is the chain's to judge, not the reader's.
const EVENT_FIELDS: ReadonlyArray<[string, (value: unknown) => boolean, string]> = [
  ['caseId', isText, 'a text'], ['version', isWhole, 'a whole number'], ['type', isText, 'a text'],
  ['schemaVersion', isWhole, 'a whole number'], ['data', (value) => value !== undefined, 'present'],
  ['actor', (value) => isObject(value) && isText(value.role) && isText(value.id) && (value.name === undefined || isText(value.name))
    && (value.via === undefined || value.via === 'provider'), 'a role and an id'],
  ['occurredAt', isText, 'a text'], ['recordedAt', isText, 'a text'], ['causation', isObject, 'an object'],
  ['idempotencyKey', isText, 'a text'], ['prevHash', isText, 'a text'], ['hash', isText, 'a text'],
];

/**
 * Reads an audit bundle from its JSON text, checking its shape only: that the chain, the fold and the replay hold is
 * for the verifier to find out, so a tampered bundle still reads and then fails verification.
 */
export function readAuditBundle(text: string): AuditBundle {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InvalidAuditBundleError(`it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(parsed) || parsed.format !== AUDIT_BUNDLE_FORMAT) throw new InvalidAuditBundleError(`it has no "format": "${AUDIT_BUNDLE_FORMAT}" marker`);
  if (!READABLE_BUNDLE_VERSIONS.includes(parsed.formatVersion as number)) {
    throw new InvalidAuditBundleError(`its formatVersion ${JSON.stringify(parsed.formatVersion)} is not one this Brigade reads (${READABLE_BUNDLE_VERSIONS.join(' or ')})`);
  }
  if (!isText(parsed.caseId)) throw new InvalidAuditBundleError('it has no caseId');
  if (!Array.isArray(parsed.events)) throw new InvalidAuditBundleError('it has no events list');
  parsed.events.forEach(checkEvent);
  if (!Array.isArray(parsed.workflowHistories)) throw new InvalidAuditBundleError('it has no workflowHistories list');
  parsed.workflowHistories.forEach(checkHistory);
  if (parsed.formatVersion !== 1) checkLogProofs(parsed.log);
  return parsed as unknown as AuditBundle;
}

function checkEvent(event: unknown, index: number): void {
  if (!isObject(event)) throw new InvalidAuditBundleError(`events[${index}] is not an object`);
  for (const [field, holds, expected] of EVENT_FIELDS) {
    if (!holds(event[field])) throw new InvalidAuditBundleError(`events[${index}].${field} must be ${expected}`);
  }
}

function checkHistory(entry: unknown, index: number): void {
  if (!isObject(entry) || !isText(entry.workflowId)) throw new InvalidAuditBundleError(`workflowHistories[${index}] has no workflowId`);
  if (entry.archived !== undefined && !(isText(entry.archived) && /^[A-Za-z0-9+/]*={0,2}$/.test(entry.archived))) {
    throw new InvalidAuditBundleError(`workflowHistories[${index}] (${entry.workflowId}).archived must be base64 text`);
  }
  const { history } = entry;
  if (!isObject(history) || !Array.isArray(history.events) || history.events.length === 0) {
    throw new InvalidAuditBundleError(`workflowHistories[${index}] (${entry.workflowId}) has no history events`);
  }
  try {
    // Replay reads the same JSON form; checking it here keeps an unreadable history from passing as a divergence.
    historyFromJSON(history);
  } catch (error) {
    throw new InvalidAuditBundleError(`workflowHistories[${index}] (${entry.workflowId}) is not a Temporal history: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const isHex = (length: number) => (value: unknown): value is string => typeof value === 'string' && new RegExp(`^[0-9a-f]{${length}}$`).test(value);

// The proofs' shape only; whether they prove anything is the log check's to find out.
function checkLogProofs(log: unknown): void {
  if (!isObject(log)) throw new InvalidAuditBundleError('it has no log section');
  if (!isText(log.origin) || !isText(log.keyId)) throw new InvalidAuditBundleError('its log section names no origin or keyId');
  if (log.checkpoint !== null && !isText(log.checkpoint)) throw new InvalidAuditBundleError('log.checkpoint must be a signed note or null');
  if (!Array.isArray(log.entries)) throw new InvalidAuditBundleError('log.entries must be a list');
  log.entries.forEach((entry: unknown, index) => {
    const where = `log.entries[${index}]`;
    if (!isObject(entry) || !isWhole(entry.version) || !isWhole(entry.leafIndex) || !isHex(64)(entry.eventHash)) {
      throw new InvalidAuditBundleError(`${where} must have a whole version and leafIndex and a 64-digit hex eventHash`);
    }
    if (entry.proof !== null && !(Array.isArray(entry.proof) && entry.proof.every(isHex(64)))) {
      throw new InvalidAuditBundleError(`${where}.proof must be null or a list of 64-digit hex hashes`);
    }
  });
}
