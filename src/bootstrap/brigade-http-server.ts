import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { createServer, STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { HttpServerConfig } from '../config/brigade-config';
import { errorBody } from '../http/error-body';

// Node checks the header and request timeouts on this beat, so a slow client is cut off at most this late.
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

// What Node's HTTP parser refuses, by its error code; any other parser error is a malformed request.
const PARSER_REFUSALS: Readonly<Record<string, { readonly status: number; readonly message: string }>> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'the request did not arrive in time; the server stopped waiting for it' },
  HPE_HEADER_OVERFLOW: { status: 431, message: "the request's headers are too large" },
};

/** The Express adapter Brigade serves through: plain HTTP (TLS ends in front), with its timeouts and parser refusals. */
export class BrigadeExpressAdapter extends ExpressAdapter {
  constructor(private readonly limits: HttpServerConfig) {
    super();
  }

  override initHttpServer(_options: NestApplicationOptions): void {
    const server = createServer({
      headersTimeout: this.limits.headersTimeoutMs,
      requestTimeout: this.limits.requestTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
      // Node would answer a missing Host with an empty 400 of its own; refuseUnknownHosts answers it with the error body.
      requireHostHeader: false,
    }, this.getInstance());
    server.keepAliveTimeout = this.limits.keepAliveTimeoutMs;
    server.on('clientError', answerClientError);
    this.setHttpServer(server);
  }
}

/**
 * Answers what Node's parser refuses (a timeout, oversized headers, a bad chunk) with the error body, where the
 * socket can still carry an answer; Node's own answer has an empty body.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // Node's own handler checks the same: a response already under way must not get a second status line.
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const refusal = PARSER_REFUSALS[error.code ?? ''] ?? { status: 400, message: `the request is not valid HTTP/1.1 (${error.code ?? 'parse error'})` };
  const body = JSON.stringify(errorBody(refusal.status, refusal.message));
  const head = [
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}
