import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes who takes part in each case (open offers, team, tasks), so an expert's inbox is found without reading every case. */
export class IndexCaseParticipants1764600000000 implements MigrationInterface {
  name = 'IndexCaseParticipants1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // jsonb_path_ops serves only `@>`, which is all the inbox asks, and its index is smaller and faster than the default.
    // Each expression must stay exactly as the inbox queries write it (src/read-model/participation-conditions.ts), or the planner cannot use it.
    await queryRunner.query(`CREATE INDEX cases_open_offers_idx ON cases USING gin ((state->'openOffers') jsonb_path_ops)`);
    await queryRunner.query(`CREATE INDEX cases_team_idx ON cases USING gin ((state->'team') jsonb_path_ops)`);
    await queryRunner.query(`CREATE INDEX cases_tasks_idx ON cases USING gin ((state->'tasks') jsonb_path_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX cases_tasks_idx');
    await queryRunner.query('DROP INDEX cases_team_idx');
    await queryRunner.query('DROP INDEX cases_open_offers_idx');
  }
}
