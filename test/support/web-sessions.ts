import type { INestApplicationContext } from '@nestjs/common';
import { WebSessions } from '../../src/auth/web-sessions';
import type { UserRole } from '../../src/domain/user-role';

/** A session of the screens opened straight through the app's own session service, as a finished sign-in would. */
export interface TestSession {
  /** The Cookie header that carries it (http, so the plain cookie name). */
  readonly cookie: string;
  readonly csrfToken: string;
}

/** Opens a session for a role and subject, as if the provider had just vouched for them. */
export async function openTestSession(app: INestApplicationContext, role: UserRole, subject: string, now = new Date()): Promise<TestSession> {
  const { sessionId, session } = await app.get(WebSessions).open(
    { role, subject, displayName: `Test ${role}`, identitySubject: `idp-${subject}` }, 'test-id-token', now,
  );
  return { cookie: `brigade_session=${sessionId}`, csrfToken: session.csrfToken };
}
