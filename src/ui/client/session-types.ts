import { isUserRole, type UserRole } from '../../domain/user-role';

export { USER_ROLES as UI_ROLES } from '../../domain/user-role';
/** The roles a person signs in with: the three the API's tokens carry. */
export type UiRole = UserRole;

/** Who is signed in, as `GET /me` confirmed it, and the token that proves it. */
export interface Session {
  readonly token: string;
  readonly subject: string;
  readonly role: UiRole;
  readonly expiresAt: string | null;
  /** An expert's name from the pool, shown instead of their id; absent for the other roles. */
  readonly displayName?: string | null;
}

/** Where the session is kept: per browser tab, gone when the tab closes. Browser tests may set it directly. */
export const SESSION_STORAGE_KEY = 'brigade.session';

/** Reads a stored session back, or null when there is none or it is not one. */
export function parseStoredSession(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.token !== 'string' || typeof value.subject !== 'string' || !isUserRole(value.role)) return null;
    return {
      token: value.token, subject: value.subject, role: value.role,
      expiresAt: typeof value.expiresAt === 'string' ? value.expiresAt : null,
      // Kept as `GET /me` gave it, so the header names an expert rather than their id.
      displayName: typeof value.displayName === 'string' && value.displayName.trim() !== '' ? value.displayName : null,
    };
  } catch {
    return null;
  }
}
