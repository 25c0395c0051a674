import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer +(\S+)$/;

/**
 * Whether a scrape may read the metrics: always when no metrics token is configured, otherwise only with
 * `Authorization: Bearer <token>`. Compared as digests in constant time, so the answer time does not leak the token.
 */
export function mayScrape(configuredToken: string | undefined, authorization: string | undefined): boolean {
  if (configuredToken === undefined) return true;
  const presented = BEARER.exec(authorization ?? '')?.[1];
  if (presented === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(configuredToken));
}
