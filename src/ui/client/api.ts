import { ApiError } from './api-error';
import { chosenLanguage } from './i18n/language';
import { sealedValuesInWords } from './sealed-values';
import { BACKGROUND_HEADER, currentSession, endSessionLocally, serverClockOffsetMs } from './session-store';
import { endingReached, sessionLimits } from './session-timing';

/** How far the page's idea of the server's clock may be off (its `Date` header counts whole seconds). */
const CLOCK_SLACK_MS = 3_000;

/** The methods that change something: the server wants the session's CSRF token on these. */
const MUTATING_METHODS: ReadonlySet<string> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** Options of one API call. */
export interface ApiCallOptions {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Aborts the call; a signal marked with `markBackground` also keeps the call from counting as activity. */
  readonly signal?: AbortSignal;
}

const backgroundSignals = new WeakSet<AbortSignal>();

/**
 * Marks the calls made with `signal` as background ones (`X-Brigade-Background: 1`): a poll the person did not ask for
 * must not keep an unattended session alive. Loaders pass their signal on anyway, so they need not know.
 */
export function markBackground(signal: AbortSignal): AbortSignal {
  backgroundSignals.add(signal);
  return signal;
}

/** The headers every call to the server carries: JSON, the page's language, and the session's CSRF token where needed. */
export function sessionHeaders(method: string, options: { background?: boolean } = {}): Record<string, string> {
  // The API answers in this language too, so a refusal whose code this build does not know still reads right.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': chosenLanguage() };
  const csrfToken = currentSession()?.csrfToken;
  if (csrfToken && MUTATING_METHODS.has(method)) headers['X-CSRF-Token'] = csrfToken;
  if (options.background) headers[BACKGROUND_HEADER] = '1';
  return headers;
}

/**
 * Ends the session on this page after the server refused it with a 401; the app then returns to sign-in, saying that
 * the session ran out when the server says it expired, and that it ended otherwise.
 */
export function sessionRefused(failure: ApiError): void {
  const session = currentSession();
  if (!session) return;
  if (failure.code !== 'session_expired') return endSessionLocally(null, 'ended');
  // A poll may hear of the ending a moment before the page's own clock does; it is still that ending.
  const ending = endingReached(sessionLimits(session), Date.now() + serverClockOffsetMs(), CLOCK_SLACK_MS);
  endSessionLocally('session_expired', ending === 'idle' ? 'idleExpired' : ending === 'absolute' ? 'absoluteExpired' : 'expired');
}

/**
 * Calls the API with the session's cookie and JSON both ways, in the page's language. A refusal becomes an `ApiError`
 * whose messages come from the catalogue by their codes; a 401 ends the session and returns to sign-in.
 */
export async function callApi<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options: ApiCallOptions = {}): Promise<T> {
  const language = chosenLanguage();
  const background = options.signal !== undefined && backgroundSignals.has(options.signal);
  const headers: Record<string, string> = { ...sessionHeaders(method, { background }), ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', (error as Error).message);
  }
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return sealedValuesInWords(body, language) as T;
  const failure = ApiError.fromBody(response.status, body, language);
  if (response.status === 401) sessionRefused(failure);
  throw failure;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 500) };
  }
}

/** `GET` a path of the API. */
export function apiGet<T>(path: string, options: Omit<ApiCallOptions, 'body'> = {}): Promise<T> {
  return callApi<T>('GET', path, options);
}

/** `POST` a JSON body to a path of the API. */
export function apiPost<T>(path: string, body: unknown = {}, options: Omit<ApiCallOptions, 'body'> = {}): Promise<T> {
  return callApi<T>('POST', path, { ...options, body });
}

/** A query string from the set values of a filter object: `{ stage: 'Triage', risk: '' }` gives `?stage=Triage`. */
export function queryString(values: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
