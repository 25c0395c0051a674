import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { errorBody } from './error-body';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

/**
 * The Host values that name this machine's loopback interface on a port. Browsers leave the port out only when it is
 * the scheme's default, so a bare name is accepted on port 80 alone.
 */
export function loopbackHosts(port: number): string[] {
  return LOOPBACK_NAMES.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`]));
}

/** Whether a request's Host header names the loopback interface on the port the request actually arrived on. */
export function hasLoopbackHost(request: IncomingMessage): boolean {
  const host = request.headers.host?.toLowerCase();
  // The socket's own port, not PORT: with PORT=0 the real port is known only once the server listens.
  return host !== undefined && request.socket.localPort !== undefined && loopbackHosts(request.socket.localPort).includes(host);
}

/** Whether a request's Host header is allowed: listed, any when the list is `*`, and loopback only when there is no list. */
export function isAllowedHost(request: IncomingMessage, allowedHosts: readonly string[] | undefined): boolean {
  if (allowedHosts === undefined) return hasLoopbackHost(request);
  const host = request.headers.host?.toLowerCase();
  return allowedHosts[0] === '*' || (host !== undefined && allowedHosts.includes(host));
}

/**
 * Answers 403 to every request whose Host is not allowed, before any other middleware, route, static file or CORS
 * preflight sees it: a web page whose own name an attacker rebinds to 127.0.0.1 still sends its own name as Host.
 */
export function refuseUnknownHosts(app: INestApplication, allowedHosts: readonly string[] | undefined): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isAllowedHost(request, allowedHosts)) return next();
    const host = JSON.stringify((request.headers.host ?? '').slice(0, 100));
    response.status(403).json(errorBody(403, `this server does not answer to the Host ${host}; BRIGADE_ALLOWED_HOSTS lists the names it does`));
  });
}
