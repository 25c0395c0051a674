import { MunicipalityCodes1765000000000 } from '../../src/database/migrations/1765000000000-municipality-codes';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { brigadeDataSourceOptions } from '../../src/database/data-source-options';
import { foldCase } from '../../src/domain/case.state';
import { aSupportRequest, requestReceived } from '../support/case-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const LOOK_ALIKE = 'Zutph\u0435n';

/** Undoes the newest migrations up to and including the named one, later ones first, as TypeORM undoes them. */
async function undoThrough(owner: DataSource, name: string): Promise<void> {
  for (;;) {
    const [newest] = await owner.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1') as Array<{ name: string }>;
    await owner.undoLastMigration();
    if (newest.name === name) return;
  }
}

describe('the migration to municipality codes', () => {
  let db: TestDatabase;
  /** Migrations run as the owner: the app's login owns nothing, so it can neither undo nor redo one. */
  let owner: DataSource;
  let warnings: string[];
  const ids = { mapped: randomUUID(), unmapped: randomUUID(), goodCase: randomUUID(), badCase: randomUUID() };

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await new DataSource(brigadeDataSourceOptions(db.ownerUrl, { logging: false })).initialize();
    // Back to the tables as they were before the register, with the free text they held.
    await undoThrough(owner, MunicipalityCodes1765000000000.name);
    await anOldExpert(ids.mapped, 'zutphen', ['’s-Gravenhage', 'Súdwest-Fryslân', 'SUDWEST-FRYSLAN']);
    await anOldExpert(ids.unmapped, LOOK_ALIKE, ['Delft', 'Den Haag']);
    await anOldCase(ids.goodCase, 'Zoetermeer');
    await anOldCase(ids.badCase, LOOK_ALIKE);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await owner.runMigrations();
    warnings = warn.mock.calls.map(([message]) => String(message));
    warn.mockRestore();
  });
  afterAll(async () => {
    await owner?.destroy();
    await db?.drop();
  });

  async function anOldExpert(expertId: string, home: string, conflicts: string[]): Promise<void> {
    await db.sql(`INSERT INTO experts (expert_id, name, email, categories, home_municipality, safety_region, capacity, conflict_municipalities)
      VALUES ($1, 'Old Expert', $2, '{INCIDENT}', $3, 'noord-en-oost-gelderland', 2, $4)`, [expertId, `${expertId}@brigade.test`, home, conflicts]);
  }

  // A projection row as the old code wrote it: the state folded from a request that named its municipality only.
  async function anOldCase(caseId: string, municipality: string): Promise<void> {
    const { municipalityCode: _code, ...state } = oldState(caseId, municipality);
    await db.sql(`INSERT INTO cases (case_id, version, stage, category, municipality, safety_region, state, last_hash, created_at, updated_at)
      VALUES ($1, 1, 'Intake', 'INCIDENT', $2, 'haaglanden', $3, $4, now(), now())`, [caseId, municipality, state, 'a'.repeat(64)]);
  }

  function oldState(caseId: string, municipality: string) {
    const { municipalityCode: _code, ...request } = aSupportRequest({ caseId, municipality });
    return foldCase([{ ...requestReceived(request), caseId, version: 1 }])!;
  }

  it('gives an expert the codes of the register names their free text spelled, once each', async () => {
    const [expert] = await db.sql('SELECT * FROM experts WHERE expert_id = $1', [ids.mapped]);
    expect(expert).toMatchObject({
      home_municipality_code: 'GM0301', unmapped_home_municipality: null,
      conflict_municipality_codes: ['GM0518', 'GM1900'], unmapped_conflict_municipalities: [],
    });
  });

  it('keeps what does not map for a manual fix instead of dropping it, and reports the expert', async () => {
    const [expert] = await db.sql('SELECT * FROM experts WHERE expert_id = $1', [ids.unmapped]);
    expect(expert).toMatchObject({
      home_municipality_code: null, unmapped_home_municipality: LOOK_ALIKE,
      conflict_municipality_codes: ['GM0503'], unmapped_conflict_municipalities: ['Den Haag'],
    });
    expect(warnings.join('\n')).toContain(`${ids.unmapped} (home ${JSON.stringify(LOOK_ALIKE)}, conflicts ["Den Haag"])`);
    expect(warnings.join('\n')).not.toContain(ids.mapped);
  });

  it('gives each case row its municipality code, as folding its events now does, and reports the case that does not map', async () => {
    const rows = await db.sql<{ case_id: string; municipality_code: string | null; state: Record<string, unknown> }>(
      'SELECT case_id, municipality_code, state FROM cases WHERE case_id = ANY($1) ORDER BY municipality_code NULLS LAST', [[ids.goodCase, ids.badCase]]);
    expect(rows.map((row) => [row.case_id, row.municipality_code, row.state.municipalityCode])).toEqual([
      [ids.goodCase, 'GM0637', 'GM0637'], [ids.badCase, null, null],
    ]);
    expect(rows.find((row) => row.case_id === ids.goodCase)!.state).toEqual(oldState(ids.goodCase, 'Zoetermeer'));
    expect(warnings.join('\n')).toContain(`${ids.badCase} (${JSON.stringify(LOOK_ALIKE)})`);
  });

  it('can be undone, giving experts their names back', async () => {
    await undoThrough(owner, MunicipalityCodes1765000000000.name);
    const [expert] = await db.sql('SELECT home_municipality, conflict_municipalities FROM experts WHERE expert_id = $1', [ids.unmapped]);
    expect(expert).toEqual({ home_municipality: LOOK_ALIKE, conflict_municipalities: ['Delft', 'Den Haag'] });
    await owner.runMigrations();
  });
});
