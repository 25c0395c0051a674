import type { Session } from './session-types';

/** Which limit ends a session: no activity for the idle timeout, or the absolute maximum age. */
export type SessionEnding = 'idle' | 'absolute';

/** The session's limits on the server's clock, in epoch milliseconds. */
export interface SessionLimits {
  readonly idleExpiresAtMs: number;
  readonly absoluteExpiresAtMs: number;
  readonly idleTimeoutSeconds: number;
}

/** A session's limits as the server gave them. */
export function sessionLimits(session: Pick<Session, 'idleExpiresAt' | 'absoluteExpiresAt' | 'idleTimeoutSeconds'>): SessionLimits {
  return {
    idleExpiresAtMs: Date.parse(session.idleExpiresAt),
    absoluteExpiresAtMs: Date.parse(session.absoluteExpiresAt),
    idleTimeoutSeconds: session.idleTimeoutSeconds,
  };
}

/** What the screens say about the session's time at one moment. */
export type SessionTimeView =
  | { readonly kind: 'active'; readonly ending: SessionEnding; readonly expiresAtMs: number }
  | {
      readonly kind: 'warning';
      readonly ending: SessionEnding;
      readonly expiresAtMs: number;
      /** Whole minutes left, rounded up, at least 1: "over 1 minuut" until the very end. */
      readonly minutesLeft: number;
      /** Only an idle ending can be pushed back by activity; the absolute one cannot. */
      readonly canExtend: boolean;
    }
  | { readonly kind: 'expired'; readonly ending: SessionEnding };

/** The longest warning: five minutes before the end. */
export const MAX_WARNING_LEAD_MS = 5 * 60_000;

/**
 * How long before an ending the warning shows: five minutes, or for an idle timeout shorter than a quarter of an hour a
 * third of it, so that a short timeout is not all warning.
 */
export function warningLeadMs(ending: SessionEnding, idleTimeoutSeconds: number): number {
  if (ending === 'absolute') return MAX_WARNING_LEAD_MS;
  return Math.min(MAX_WARNING_LEAD_MS, Math.round((idleTimeoutSeconds * 1000) / 3));
}

/** Which limit comes first; at a tie the absolute one, since no activity can move it. */
export function firstEnding(limits: SessionLimits): { ending: SessionEnding; expiresAtMs: number } {
  return limits.idleExpiresAtMs < limits.absoluteExpiresAtMs
    ? { ending: 'idle', expiresAtMs: limits.idleExpiresAtMs }
    : { ending: 'absolute', expiresAtMs: limits.absoluteExpiresAtMs };
}

/** What to show at `nowMs` (the server's clock): nothing yet, a warning with the minutes left, or that the session has ended. */
export function sessionTimeView(limits: SessionLimits, nowMs: number): SessionTimeView {
  const { ending, expiresAtMs } = firstEnding(limits);
  const left = expiresAtMs - nowMs;
  if (left <= 0) return { kind: 'expired', ending };
  if (left > warningLeadMs(ending, limits.idleTimeoutSeconds)) return { kind: 'active', ending, expiresAtMs };
  return { kind: 'warning', ending, expiresAtMs, minutesLeft: Math.max(1, Math.ceil(left / 60_000)), canExtend: ending === 'idle' };
}

/**
 * The limit that has ended the session by `nowMs`, allowing `slackMs` for the clocks of page and server to differ; null
 * when neither has. A refusal at that moment is the ending the clock foretold.
 */
export function endingReached(limits: SessionLimits, nowMs: number, slackMs: number): SessionEnding | null {
  const view = sessionTimeView(limits, nowMs + slackMs);
  return view.kind === 'expired' ? view.ending : null;
}

/** Milliseconds from `nowMs` until the view can next change (the warning starts, a minute ticks over, the end). */
export function nextChangeInMs(limits: SessionLimits, nowMs: number): number {
  const { ending, expiresAtMs } = firstEnding(limits);
  const left = expiresAtMs - nowMs;
  if (left <= 0) return 0;
  const lead = warningLeadMs(ending, limits.idleTimeoutSeconds);
  if (left > lead) return left - lead;
  const intoMinute = left % 60_000;
  return intoMinute === 0 ? 60_000 : intoMinute;
}
