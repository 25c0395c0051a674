import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../database-roles';

/**
 * Creates what signing in through OpenID Connect keeps: the sign-in attempts under way (state, nonce and PKCE verifier,
 * used once), the sessions of the screens (found by a hash of the cookie, never the cookie itself), an expert's link
 * to the identity provider's stable subject, and the name of the person behind each event's actor.
 */
export class SignInSessions1765300000000 implements MigrationInterface {
  name = 'SignInSessions1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sign_in_attempts (
        attempt_hash  char(64)    PRIMARY KEY CHECK (attempt_hash ~ '^[0-9a-f]{64}$'),
        state         text        NOT NULL,
        nonce         text        NOT NULL,
        code_verifier text        NOT NULL,
        return_to     text        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE web_sessions (
        session_hash        char(64)    PRIMARY KEY CHECK (session_hash ~ '^[0-9a-f]{64}$'),
        role                text        NOT NULL CHECK (role IN ('coordinator', 'expert', 'auditor')),
        subject             text        NOT NULL,
        display_name        text,
        identity_subject    text        NOT NULL,
        id_token            text        NOT NULL,
        csrf_token          text        NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        last_seen_at        timestamptz NOT NULL DEFAULT now(),
        idle_expires_at     timestamptz NOT NULL,
        absolute_expires_at timestamptz NOT NULL
      )`);
    // Deactivating an expert ends all of their sessions at once.
    await queryRunner.query('CREATE INDEX web_sessions_subject_idx ON web_sessions (role, subject)');
    await queryRunner.query('ALTER TABLE experts ADD COLUMN identity_subject text');
    // The name a person signed in with, recorded beside the provider's subject on the events they cause.
    await queryRunner.query('ALTER TABLE case_events ADD COLUMN actor_name text');
    // Whether that person signed in through the identity provider: an auditor tells them from a script's token of the same subject.
    await queryRunner.query("ALTER TABLE case_events ADD COLUMN actor_via text CHECK (actor_via IN ('provider'))");
    await queryRunner.query('CREATE UNIQUE INDEX experts_identity_subject_key ON experts (identity_subject) WHERE identity_subject IS NOT NULL');
    // Default privileges cover only tables made by the role that set them; granting here holds whoever migrates.
    await queryRunner.query('REVOKE ALL ON sign_in_attempts, web_sessions FROM PUBLIC');
    await queryRunner.query(`GRANT SELECT, INSERT, DELETE ON sign_in_attempts TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON web_sessions TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE case_events DROP COLUMN actor_via');
    await queryRunner.query('ALTER TABLE case_events DROP COLUMN actor_name');
    await queryRunner.query('DROP INDEX experts_identity_subject_key');
    await queryRunner.query('ALTER TABLE experts DROP COLUMN identity_subject');
    await queryRunner.query('DROP TABLE web_sessions');
    await queryRunner.query('DROP TABLE sign_in_attempts');
  }
}
