import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../database-roles';
import { makeAppendOnly } from './append-only-table';

/**
 * Creates what reaching people needs: each expert's language and channel preferences, the partners' contact points with
 * the record of every change to them, the delivery ledger that lets a retry know a message already went (its rows are
 * never rewritten), and the mailbox of the SMTP server that runs inside Brigade on the embedded default.
 */
export class Notifications1765400000000 implements MigrationInterface {
  name = 'Notifications1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE experts ADD COLUMN notification_language text NOT NULL DEFAULT 'nl' CHECK (notification_language IN ('nl', 'en'))");
    // {"channels": {"<kind>": ["email", "sms"]}, "quietHours": {"start": "22:00", "end": "07:00"} | null}; {} means the defaults.
    await queryRunner.query("ALTER TABLE experts ADD COLUMN notification_preferences jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(notification_preferences) = 'object')");
    await queryRunner.query(`
      CREATE TABLE partner_contacts (
        contact_id    uuid        PRIMARY KEY,
        partner       text        NOT NULL CHECK (partner IN ('COA', 'police', 'NCTV')),
        safety_region text,
        name          text        NOT NULL,
        email         text,
        phone         text,
        language      text        NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
        active        boolean     NOT NULL DEFAULT true,
        version       integer     NOT NULL DEFAULT 1,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CHECK (email IS NOT NULL OR phone IS NOT NULL)
      )`);
    // One active contact point per partner and safety region; a null region is the partner's national desk.
    await queryRunner.query("CREATE UNIQUE INDEX partner_contacts_active_key ON partner_contacts (partner, coalesce(safety_region, '')) WHERE active");
    await queryRunner.query(`
      CREATE TABLE partner_contact_changes (
        change_id    bigserial   PRIMARY KEY,
        contact_id   uuid        NOT NULL REFERENCES partner_contacts (contact_id),
        action       text        NOT NULL CHECK (action IN ('created', 'updated', 'deactivated')),
        changes      jsonb       NOT NULL,
        version      integer     NOT NULL,
        actor_role   text        NOT NULL,
        actor_id     text        NOT NULL,
        actor_name   text,
        occurred_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX partner_contact_changes_contact_idx ON partner_contact_changes (contact_id, change_id)');
    await queryRunner.query(`
      CREATE TABLE notification_deliveries (
        delivery_key      text        PRIMARY KEY,
        case_id           uuid        NOT NULL,
        notification_id   text        NOT NULL,
        kind              text        NOT NULL,
        channel           text        NOT NULL CHECK (channel IN ('email', 'sms')),
        transport         text        NOT NULL,
        recipient_kind    text        NOT NULL CHECK (recipient_kind IN ('expert', 'role', 'partner')),
        recipient_id      text        NOT NULL,
        recipient_address text        NOT NULL,
        language          text        NOT NULL CHECK (language IN ('nl', 'en')),
        subject           text,
        body              text        NOT NULL,
        calendar          text,
        created_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX notification_deliveries_case_idx ON notification_deliveries (case_id, created_at)');
    await queryRunner.query('CREATE INDEX notification_deliveries_created_idx ON notification_deliveries (created_at DESC, delivery_key)');
    await queryRunner.query(`
      CREATE TABLE notification_attempts (
        attempt_id   bigserial   PRIMARY KEY,
        delivery_key text        NOT NULL REFERENCES notification_deliveries (delivery_key),
        attempt      integer     NOT NULL,
        started_at   timestamptz NOT NULL DEFAULT now(),
        error_code   text,
        error        text
      )`);
    // A row when an attempt starts (no error), and another when it fails (with the error): a crash between leaves the first.
    await queryRunner.query('CREATE INDEX notification_attempts_delivery_idx ON notification_attempts (delivery_key, attempt_id)');
    await queryRunner.query(`
      CREATE TABLE notification_outcomes (
        delivery_key text        PRIMARY KEY REFERENCES notification_deliveries (delivery_key),
        outcome      text        NOT NULL CHECK (outcome IN ('sent', 'failed')),
        reference    text,
        detail       text,
        occurred_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE embedded_mailbox (
        message_id    text        PRIMARY KEY,
        received_at   timestamptz NOT NULL DEFAULT now(),
        envelope_from text        NOT NULL,
        envelope_to   text[]      NOT NULL,
        subject       text,
        raw           text        NOT NULL,
        text_body     text,
        calendar      text
      )`);
    await queryRunner.query('CREATE INDEX embedded_mailbox_received_idx ON embedded_mailbox (received_at DESC)');
    for (const table of ['partner_contact_changes', 'notification_deliveries', 'notification_attempts', 'notification_outcomes']) {
      await makeAppendOnly(queryRunner, table);
    }
    await queryRunner.query(`REVOKE ALL ON partner_contacts, partner_contact_changes, notification_deliveries, notification_attempts,
      notification_outcomes, embedded_mailbox FROM PUBLIC`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON partner_contacts TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT ON partner_contact_changes, notification_deliveries, notification_attempts,
      notification_outcomes, embedded_mailbox TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE partner_contact_changes_change_id_seq, notification_attempts_attempt_id_seq TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['embedded_mailbox', 'notification_outcomes', 'notification_attempts', 'notification_deliveries', 'partner_contact_changes', 'partner_contacts']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('ALTER TABLE experts DROP COLUMN notification_preferences');
    await queryRunner.query('ALTER TABLE experts DROP COLUMN notification_language');
  }
}
