import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { errorBody } from './error-body';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

// The authority of an absolute-form request target (`GET http://host:port/path HTTP/1.1`), read as written: no URL
// parsing, which would turn "2130706433" into "127.0.0.1" or drop a default port.
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;

/** A name a request addresses, as sent, and whether it came in the request target rather than in Host. */
interface AddressedName {
  readonly sent: string;
  readonly inTarget: boolean;
}

/**
 * The Host values that name this machine's loopback interface on a port. Browsers leave the port out only when it is
 * the scheme's default, so a bare name is accepted on port 80 alone.
 */
export function loopbackHosts(port: number): string[] {
  return LOOPBACK_NAMES.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`]));
}

/**
 * Whether a request's Host header, and the authority of an absolute-form target, name the loopback interface on the
 * port the request actually arrived on.
 */
export function hasLoopbackHost(request: IncomingMessage): boolean {
  return refusedName(request, undefined) === undefined;
}

/**
 * Whether the names a request addresses are allowed: listed, any when the list is `*`, and loopback only when there is
 * no list.
 */
export function isAllowedHost(request: IncomingMessage, allowedHosts: readonly string[] | undefined): boolean {
  return refusedName(request, allowedHosts) === undefined;
}

/**
 * Answers 400 to a request with no Host or several, and 403 to every request whose Host, or whose absolute-form target,
 * names a host that is not allowed, before any other middleware, route, static file or CORS preflight sees it: a web
 * page whose own name an attacker rebinds to 127.0.0.1 still sends its own name as Host.
 */
export function refuseUnknownHosts(app: INestApplication, allowedHosts: readonly string[] | undefined): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    const problem = hostHeaderProblem(request);
    if (problem !== null) return refuse(response, 400, problem);
    const refused = refusedName(request, allowedHosts);
    if (refused === undefined) return next();
    const name = `${JSON.stringify(refused.sent.slice(0, 100))}${refused.inTarget ? ' named in the request target' : ''}`;
    refuse(response, 403, `this server does not answer to the Host ${name}; BRIGADE_ALLOWED_HOSTS lists the names it does`);
  });
}

function refuse(response: Response, status: number, message: string): void {
  // The message echoes what the client sent: a browser must not take the answer for anything but JSON.
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.status(status).json(errorBody(status, message));
}

/** Why a request's Host cannot be judged at all (there are several, or HTTP/1.1 sent none), or null when it can. */
function hostHeaderProblem(request: IncomingMessage): string | null {
  // Node keeps only the first of several Host headers in `headers`; a proxy in front may have routed by another one.
  const count = request.rawHeaders.filter((name, index) => index % 2 === 0 && name.toLowerCase() === 'host').length;
  if (count > 1) return `the request carries ${count} Host headers; send exactly one`;
  // Node leaves this to us (requireHostHeader: false in brigade-http-server.ts), so that the answer has the error body.
  if (!request.headers.host && request.httpVersion === '1.1') return 'the request has no Host header, which HTTP/1.1 requires';
  return null;
}

/**
 * The first name the request addresses that is not allowed, or undefined when all are: its Host header and, for an
 * absolute-form target, that target's authority, which RFC 9112 §3.2.2 puts in Host's place. A proxy in front may route
 * by either, so both must pass.
 */
function refusedName(request: IncomingMessage, allowedHosts: readonly string[] | undefined): AddressedName | undefined {
  const authority = ABSOLUTE_FORM.exec(request.url ?? '')?.[1];
  const names: AddressedName[] = [
    { sent: request.headers.host ?? '', inTarget: false },
    ...(authority === undefined ? [] : [{ sent: authority, inTarget: true }]),
  ];
  // The socket's own port, not PORT: with PORT=0 the real port is known only once the server listens.
  const port = request.socket.localPort;
  const allowed = allowedHosts ?? (port === undefined ? [] : loopbackHosts(port));
  return names.find(({ sent }) => allowed[0] !== '*' && !allowed.includes(sent.toLowerCase()));
}
