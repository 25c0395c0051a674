import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One approval per person per destruction list, counting `C.Jansen` and `c.jansen` as one person, as the services do
 * (`personOf`): the database's own guard of the two-person rule must not be weaker than the code's. PostgreSQL's
 * `lower` stands in for the code's fold, which also trims and applies NFKC; the code refuses before either differs.
 */
export class FourEyesPerPerson1765600000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE UNIQUE INDEX retention_list_one_approval_per_person ON retention_list_decisions (list_id, lower(btrim(actor_id))) WHERE decision = 'approved'");
    await queryRunner.query('DROP INDEX retention_list_one_approval_each');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE UNIQUE INDEX retention_list_one_approval_each ON retention_list_decisions (list_id, actor_id) WHERE decision = 'approved'");
    await queryRunner.query('DROP INDEX retention_list_one_approval_per_person');
  }
}
