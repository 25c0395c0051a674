/** An answer from Brigade's API: its status and parsed JSON body. */
export interface HttpAnswer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** Sends one JSON request to Brigade's API with a bearer token (and any extra headers) and answers with the status and body. */
export async function sendJson(
  baseUrl: string, method: 'GET' | 'POST', path: string, authorization: string, body?: unknown, headers: Readonly<Record<string, string>> = {},
): Promise<HttpAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, Authorization: authorization, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

/** Like `sendJson`, but anything other than the expected status is an error that names the request. */
export async function expectStatus(
  expected: readonly number[], baseUrl: string, method: 'GET' | 'POST', path: string, authorization: string, body?: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<HttpAnswer> {
  const answer = await sendJson(baseUrl, method, path, authorization, body, headers);
  if (!expected.includes(answer.status)) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
  return answer;
}
