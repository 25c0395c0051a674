import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the `experts` table: the brigade's pool, with what matching needs to know about each expert. */
export class CreateExperts1764500000000 implements MigrationInterface {
  name = 'CreateExperts1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE experts (
        expert_id               uuid        PRIMARY KEY,
        name                    text        NOT NULL CHECK (btrim(name) <> ''),
        email                   text        NOT NULL,
        phone                   text,
        categories              text[]      NOT NULL CHECK (cardinality(categories) >= 1),
        skills                  text[]      NOT NULL DEFAULT '{}',
        home_municipality       text        NOT NULL,
        safety_region           text        NOT NULL,
        capacity                integer     NOT NULL CONSTRAINT experts_capacity_range CHECK (capacity BETWEEN 1 AND 10),
        unavailable             jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(unavailable) = 'array'),
        conflict_municipalities text[]      NOT NULL DEFAULT '{}',
        languages               text[]      NOT NULL DEFAULT '{nl}',
        active                  boolean     NOT NULL DEFAULT true,
        created_at              timestamptz NOT NULL DEFAULT now(),
        updated_at              timestamptz NOT NULL DEFAULT now()
      )`);
    // One person, one entry in the pool: the seed skips by e-mail address and the API answers 409 on a duplicate.
    await queryRunner.query('CREATE UNIQUE INDEX experts_email_key ON experts (lower(email))');
    // Matching reads the active experts, and the list orders by name; one index serves both.
    await queryRunner.query('CREATE INDEX experts_active_idx ON experts (active, name, expert_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE experts');
  }
}
