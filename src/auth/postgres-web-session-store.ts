import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserRole } from '../domain/user-role';
import type { SignInAttempt, WebSession } from './web-session';
import type { WebSessionStore } from './web-session-store.port';

interface SessionRow {
  role: UserRole;
  subject: string;
  display_name: string | null;
  identity_subject: string;
  id_token: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  idle_expires_at: Date;
  absolute_expires_at: Date;
}

const SESSION_COLUMNS = 'role, subject, display_name, identity_subject, id_token, csrf_token, created_at, last_seen_at, idle_expires_at, absolute_expires_at';

/** Sessions and attempts in PostgreSQL, found by a SHA-256 of the cookie's value, so a copy of the table opens nothing. */
@Injectable()
export class PostgresWebSessionStore implements WebSessionStore {
  constructor(private readonly dataSource: DataSource) {}

  async saveAttempt(attemptId: string, attempt: SignInAttempt, expiresAt: Date): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO sign_in_attempts (attempt_hash, state, nonce, code_verifier, return_to, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [hashOf(attemptId), attempt.state, attempt.nonce, attempt.codeVerifier, attempt.returnTo, expiresAt],
    );
  }

  async takeAttempt(attemptId: string, now: Date): Promise<SignInAttempt | null> {
    // DELETE … RETURNING takes the row in one statement: two callbacks racing with one cookie cannot both have it.
    const [rows] = await this.dataSource.query(
      'DELETE FROM sign_in_attempts WHERE attempt_hash = $1 RETURNING state, nonce, code_verifier, return_to, created_at, expires_at', [hashOf(attemptId)],
    ) as [Array<{ state: string; nonce: string; code_verifier: string; return_to: string; created_at: Date; expires_at: Date }>, number];
    const row = rows[0];
    if (!row || row.expires_at <= now) return null;
    return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to, startedAt: row.created_at };
  }

  async open(sessionId: string, session: WebSession): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO web_sessions (session_hash, ${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [hashOf(sessionId), session.role, session.subject, session.displayName, session.identitySubject, session.idToken, session.csrfToken,
        session.createdAt, session.lastSeenAt, session.idleExpiresAt, session.absoluteExpiresAt],
    );
  }

  async find(sessionId: string): Promise<WebSession | null> {
    const [row]: SessionRow[] = await this.dataSource.query(`SELECT ${SESSION_COLUMNS} FROM web_sessions WHERE session_hash = $1`, [hashOf(sessionId)]);
    return row ? toSession(row) : null;
  }

  async touch(sessionId: string, now: Date, idleExpiresAt: Date): Promise<void> {
    await this.dataSource.query(
      'UPDATE web_sessions SET last_seen_at = $2, idle_expires_at = LEAST($3::timestamptz, absolute_expires_at) WHERE session_hash = $1',
      [hashOf(sessionId), now, idleExpiresAt],
    );
  }

  async end(sessionId: string): Promise<WebSession | null> {
    const [rows] = await this.dataSource.query(`DELETE FROM web_sessions WHERE session_hash = $1 RETURNING ${SESSION_COLUMNS}`, [hashOf(sessionId)]) as [SessionRow[], number];
    return rows[0] ? toSession(rows[0]) : null;
  }

  async endAllOf(role: UserRole, subject: string): Promise<number> {
    const [, count] = await this.dataSource.query('DELETE FROM web_sessions WHERE role = $1 AND subject = $2', [role, subject]) as [unknown, number];
    return count;
  }

  async removeExpired(now: Date): Promise<number> {
    await this.dataSource.query('DELETE FROM sign_in_attempts WHERE expires_at <= $1', [now]);
    const [, count] = await this.dataSource.query(
      'DELETE FROM web_sessions WHERE idle_expires_at <= $1 OR absolute_expires_at <= $1', [now],
    ) as [unknown, number];
    return count;
  }
}

/** The key a cookie value is stored under. */
function hashOf(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function toSession(row: SessionRow): WebSession {
  return {
    role: row.role,
    subject: row.subject,
    displayName: row.display_name,
    identitySubject: row.identity_subject,
    idToken: row.id_token,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    idleExpiresAt: row.idle_expires_at,
    absoluteExpiresAt: row.absolute_expires_at,
  };
}
