import { isUserRole, type UserRole } from '../../domain/user-role';

export { USER_ROLES as UI_ROLES } from '../../domain/user-role';
/** The roles a person signs in with: the three the provider's `brigade_role` claim carries. */
export type UiRole = UserRole;

/**
 * Who is signed in, as `GET /auth/session` describes the server-held session. The session itself lives on the server
 * behind an HttpOnly cookie; the page keeps only this description, in memory.
 */
export interface Session {
  readonly subject: string;
  readonly role: UiRole;
  /** The name the provider gave (an expert's name from the pool); null when it gave none. */
  readonly displayName: string | null;
  /** Sent as `X-CSRF-Token` on every call that changes something. */
  readonly csrfToken: string;
  /** When the session ends unless there is activity before then (ISO 8601, the server's clock). */
  readonly idleExpiresAt: string;
  /** When the session ends whatever happens (ISO 8601, the server's clock). */
  readonly absoluteExpiresAt: string;
  readonly idleTimeoutSeconds: number;
}

/** Why there is no session, as the 401 of `GET /auth/session` codes it. */
export type NoSessionCode = 'session_missing' | 'session_expired';

/** Reads the body of a 200 from `GET /auth/session`, or null when it is not a session. */
export function parseSession(body: unknown): Session | null {
  if (typeof body !== 'object' || body === null) return null;
  const value = body as Record<string, unknown>;
  const { subject, role, csrfToken, idleExpiresAt, absoluteExpiresAt, idleTimeoutSeconds, displayName } = value;
  if (typeof subject !== 'string' || subject === '' || !isUserRole(role) || typeof csrfToken !== 'string' || csrfToken === '') return null;
  if (!isInstant(idleExpiresAt) || !isInstant(absoluteExpiresAt)) return null;
  if (typeof idleTimeoutSeconds !== 'number' || !Number.isFinite(idleTimeoutSeconds) || idleTimeoutSeconds <= 0) return null;
  return {
    subject, role, csrfToken, idleExpiresAt, absoluteExpiresAt, idleTimeoutSeconds,
    displayName: typeof displayName === 'string' && displayName.trim() !== '' ? displayName : null,
  };
}

function isInstant(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}
