import type { Actor } from '../domain/case.vocabulary';
import type { UserRole } from '../domain/user-role';

/** Who is calling, as their verified token says: a role and a subject (an expert's subject is their expert id). */
export interface Principal {
  readonly role: UserRole;
  readonly subject: string;
  /** The person's name as the identity provider or the expert pool knows it, when known. */
  readonly displayName?: string | null;
  /** Whether the identity provider vouched for this person (a session, or its access token); else a token of Brigade's own. */
  readonly viaProvider?: boolean;
}

/** The actor recorded on the events a principal causes. */
export function actorOf(principal: Principal): Actor {
  return {
    role: principal.role, id: principal.subject,
    ...(principal.displayName ? { name: principal.displayName } : {}),
    ...(principal.viaProvider ? { via: 'provider' as const } : {}),
  };
}
