import { SENSITIVE_EVENT_FIELDS, SENSITIVE_REQUEST_FIELDS, SENSITIVE_STATE_FIELDS } from '../domain/sensitive-fields';

const EVENT_PATHS = [...new Set(Object.values(SENSITIVE_EVENT_FIELDS).flat())];

// Where a support request, an event's data or a case state would sit in a log line if code ever logged one.
const REQUEST_KEYS = ['request', 'data.request', 'event.data.request', 'input.request', 'body'];
const EVENT_DATA_KEYS = ['data', 'event.data'];
const STATE_KEYS = ['state', 'recorded', 'live'];

// A logged object may carry a sensitive field at its top level too, such as `{ reason }` or a request body's `concern`.
// The office holder goes as a whole; its `name` and `office` are too common as keys to redact everywhere.
const TOP_LEVEL_KEYS = ['officeHolder', ...SENSITIVE_REQUEST_FIELDS, ...EVENT_PATHS]
  .filter((path) => !path.includes('.'));

// Headers are never logged at all; these paths only back that up.
const CREDENTIAL_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'res.headers["set-cookie"]', 'authorization'];

/**
 * Pino `redact` paths for every sensitive field of the domain, wherever a log line could carry it, and for credentials.
 * Nothing in Brigade logs requests, events or states; these paths keep a future log call from leaking them.
 */
export const LOG_REDACT_PATHS: readonly string[] = [...new Set([
  ...CREDENTIAL_PATHS,
  ...TOP_LEVEL_KEYS,
  ...REQUEST_KEYS.flatMap((key) => [`${key}.description`, `${key}.officeHolder`]),
  ...EVENT_DATA_KEYS.flatMap((key) => EVENT_PATHS.map((path) => `${key}.${path}`)),
  ...STATE_KEYS.flatMap((key) => SENSITIVE_STATE_FIELDS.map((path) => `${key}.${path}`)),
])];
