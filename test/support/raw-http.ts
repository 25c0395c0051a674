import { request, type IncomingHttpHeaders } from 'node:http';

/** A request sent byte for byte as written: no URL normalisation, no JSON encoding, no headers added but Content-Length. */
export interface RawRequest {
  readonly method: string;
  /** The path and query exactly as they go on the wire, "../" and "%00" included. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** What came back. */
export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/**
 * Sends one request on a connection of its own and reads the whole answer; rejects when there is no answer within
 * `timeoutMs`, so a hang shows as a failure rather than a stuck test. (supertest would resolve "../" and encode bodies.)
 */
export function sendRaw(baseUrl: string, raw: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const body = raw.body === undefined ? undefined : Buffer.from(raw.body, 'utf8');
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request({
      host: hostname, port, method: raw.method, path: raw.path, agent: false, timeout: timeoutMs,
      headers: { ...raw.headers, ...(body && { 'Content-Length': String(body.length) }) },
    }, (incoming) => {
      answered = true;
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
      incoming.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // A server that refuses a body early may close while the rest is still being written; its answer still counts.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (!answered || (error.code !== 'EPIPE' && error.code !== 'ECONNRESET')) reject(error);
    });
    outgoing.end(body);
  });
}
