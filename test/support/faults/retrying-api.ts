/** An answer from the API: its status and parsed JSON body. */
export interface ApiAnswer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** What the retries rode out: 503 answers, and requests that found no API to talk to. */
export interface RetryCounts {
  unavailable: number;
  unreachable: number;
}

// The API bounds each of its own answers (Temporal deadline, pool and statement timeouts); a request still open after
// this long is hanging, which is a failure, not something to retry.
const HANG_MS = 45_000;
const FIRST_PAUSE_MS = 250;
const LONGEST_PAUSE_MS = 3_000;

/**
 * Calls Brigade's API and rides out outages explicitly: a 503 or an unreachable API is retried with a growing pause,
 * for at most `retryForMs` per request; every other answer goes back to the caller as it is.
 */
export class RetryingApi {
  readonly counts: RetryCounts = { unavailable: 0, unreachable: 0 };

  constructor(private readonly baseUrl: string, private readonly retryForMs = 90_000) {}

  /** Sends one request, retrying through outages, and answers with the first answer that is not an outage. */
  async send(method: 'GET' | 'POST', path: string, authorization: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const giveUpAt = Date.now() + this.retryForMs;
    let lastOutage = '';
    for (let attempt = 1, pause = FIRST_PAUSE_MS; ; attempt++, pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      const outcome = await this.once(method, path, authorization, body, headers);
      if ('status' in outcome && outcome.status !== 503) return outcome;
      if ('status' in outcome) {
        this.counts.unavailable++;
        lastOutage = `503 ${JSON.stringify(outcome.body)}`;
      } else {
        this.counts.unreachable++;
        lastOutage = outcome.unreachable;
      }
      if (Date.now() + pause > giveUpAt) {
        throw new Error(`${method} ${path} was still failing after ${attempt} attempts over ${this.retryForMs} ms; last: ${lastOutage}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  private async once(
    method: string, path: string, authorization: string, body: unknown, headers: Record<string, string>,
  ): Promise<ApiAnswer | { unreachable: string }> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { Authorization: authorization, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(HANG_MS),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') throw new Error(`${method} ${path} got no answer within ${HANG_MS} ms: the API hangs`);
      return { unreachable: String((error as { cause?: unknown }).cause ?? error) };
    }
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  }
}
