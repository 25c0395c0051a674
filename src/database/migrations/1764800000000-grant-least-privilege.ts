import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../database-roles';

/**
 * Gives the application's role exactly what it needs and nothing it could rewrite history with: it reads and appends
 * events, keeps the projections and the expert pool, and owns nothing, so it cannot alter, disable, drop or truncate.
 */
export class GrantLeastPrivilege1764800000000 implements MigrationInterface {
  name = 'GrantLeastPrivilege1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Provisioning creates the role (docs/database-security.md); a migrating superuser (a single-login set-up) may do it here.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
            RAISE EXCEPTION 'role ${APP_ROLE} does not exist: create it (CREATE ROLE ${APP_ROLE} LOGIN PASSWORD ...) before migrating, see docs/database-security.md';
          END IF;
          CREATE ROLE ${APP_ROLE} NOLOGIN;
        END IF;
      END $$`);
    await queryRunner.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query('REVOKE ALL ON case_events, case_event_batches, cases, experts FROM PUBLIC');
    await queryRunner.query(`GRANT SELECT, INSERT ON case_events, case_event_batches TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE case_events_position_seq TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON cases, experts TO ${APP_ROLE}`);
    // Lets an app started with only DATABASE_URL see that nothing is pending; it still cannot record a migration.
    await queryRunner.query(`GRANT SELECT ON migrations TO ${APP_ROLE}`);
    // Tables of later migrations are readable and appendable at once; anything more, such as UPDATE, a migration grants.
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT ON TABLES TO ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON case_events, case_event_batches, cases, experts, migrations FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON SEQUENCE case_events_position_seq FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
  }
}
