import { Injectable, Logger, Optional } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { UserRole } from '../domain/user-role';

/** Something that happened at the door: a sign-in, a sign-out, a refusal, a session that ran out. */
export type AccessEvent =
  | 'sign_in' | 'sign_in_refused' | 'sign_out' | 'session_expired' | 'session_ended' | 'request_refused'
  | 'provider_sign_in' | 'provider_sign_in_refused';

/** What one access line says: who, in which role, from where, and why when refused; never a token or a cookie. */
export interface AccessRecord {
  readonly event: AccessEvent;
  readonly role?: UserRole;
  /** Brigade's subject (an expert's id) or the provider's. */
  readonly subject?: string;
  readonly identitySubject?: string;
  /** The request's address, as Express sees it. */
  readonly from?: string;
  /** A short code that says why, for refusals and endings (not `reason`: logs redact that name, a case's risk reason). */
  readonly cause?: string;
  readonly detail?: string;
  /** How the refused request came: a bearer token or the screens' session. */
  readonly via?: 'bearer' | 'session';
}

/** Writes access events (sign-in, sign-out, refusal, expiry) as structured log lines and counts them in `/metrics`. */
@Injectable()
export class AccessLog {
  private readonly logger = new Logger('Access');
  private readonly events: Counter<'event' | 'reason'> | undefined;

  constructor(@Optional() registry?: Registry) {
    this.events = registry === undefined ? undefined : existingOrNewCounter(registry);
  }

  /** Logs and counts one access event. */
  record(entry: AccessRecord): void {
    this.events?.inc({ event: entry.event, reason: entry.cause ?? '' });
    // The event goes under `access` alone, the name the docs and log queries use for it.
    const { event, ...rest } = entry;
    const line = { access: event, ...rest, at: new Date().toISOString() };
    if (event.endsWith('_refused')) this.logger.warn(line);
    else this.logger.log(line);
  }
}

const COUNTER_NAME = 'brigade_access_events_total';

// One registry per application; a second AccessLog in the same app (another module's instance) shares the counter.
function existingOrNewCounter(registry: Registry): Counter<'event' | 'reason'> {
  const existing = registry.getSingleMetric(COUNTER_NAME);
  if (existing) return existing as Counter<'event' | 'reason'>;
  return new Counter({
    name: COUNTER_NAME,
    help: 'Sign-ins, sign-outs, refusals and session endings, by event and reason.',
    labelNames: ['event', 'reason'],
    registers: [registry],
  });
}
