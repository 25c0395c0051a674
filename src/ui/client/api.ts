import { ApiError } from './api-error';
import { chosenLanguage } from './i18n/language';
import { navigate } from './navigation';
import { currentSession, endSession } from './session-store';

/** Options of one API call. */
export interface ApiCallOptions {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A token to use instead of the session's, e.g. the one being checked on the sign-in page. */
  readonly token?: string;
  readonly signal?: AbortSignal;
}

/**
 * Calls the API with the session's bearer token and JSON both ways, in the page's language. A refusal becomes an
 * `ApiError` whose messages come from the catalogue by their codes; a 401 on the session's own token ends the session
 * and returns to sign-in.
 */
export async function callApi<T>(method: 'GET' | 'POST' | 'PATCH', path: string, options: ApiCallOptions = {}): Promise<T> {
  const session = currentSession();
  const token = options.token ?? session?.token;
  const language = chosenLanguage();
  // The API answers in this language too, so a refusal whose code this build does not know still reads right.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language, ...options.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', (error as Error).message);
  }
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return body as T;
  const failure = ApiError.fromBody(response.status, body, language);
  if (response.status === 401 && options.token === undefined && session) {
    endSession('sessionEnded');
    navigate(`/ui/?next=${encodeURIComponent(window.location.pathname)}`, { replace: true });
  }
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
