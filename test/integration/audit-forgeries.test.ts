import { AuditModule } from '../../src/audit/audit.module';
import { foldCase } from '../../src/domain/case.state';
import type { CaseEvent } from '../../src/domain/case.events';
import type { StoredCaseEvent } from '../../src/event-store/event-store.port';
import { createApiApp, type ApiApp } from '../support/api-app';
import { rewriteCase, type ForgedEvent } from '../support/careful-forger';
import { anExpertPool } from '../support/case-driver';
import { runFullIncidentCase } from '../support/full-case-run';
import { realTemporalClient } from '../support/real-temporal-client';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

// Forgeries by an intruder with the owner's login who recomputes every hash, re-folds the read model and makes the
// log's leaves match: each is caught by the check README's table names, the chain itself verifying every time.
describe('a careful forger with the database in hand', () => {
  let harness: WorkflowHarness;
  let app: ApiApp;
  const cases: string[] = [];

  beforeAll(async () => {
    harness = await createWorkflowHarness();
    await anExpertPool(harness, Array.from({ length: 6 }, () => ({ homeMunicipalityCode: 'GM0344' })));
    app = await createApiApp(harness.db, { imports: [AuditModule, realTemporalClient(harness.env.client)] });
    for (let run = 0; run < 7; run++) cases.push(await runFullIncidentCase(harness));
    // The checkpoint an operator shipped before the intruder came: it covers every event of every case above.
    const made = await auditor().post('/checkpoints').expect(200);
    expect(made.body).toMatchObject({ created: true, checkpoint: { treeSize: expect.any(Number) } });
  });
  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  const auditor = () => app.as('auditor', 'a.devries');
  const verify = async (caseId: string) => (await auditor().get(`/cases/${caseId}/verify`).expect(200)).body;
  const foldsAsCase = (events: readonly ForgedEvent[]) => {
    try {
      foldCase(events.map((event, index) => ({ ...event, version: index + 1 })) as unknown as CaseEvent[]);
      return true;
    } catch {
      return false;
    }
  };
  // The forger re-folds the read model from the sealed events, but without the case's keys cannot seal the row's values
  // as the store does: the audit, which has the keys, finds a value there that does not open.
  const REFOLDED_WITHOUT_KEYS = { consistent: false, problem: expect.stringContaining('does not open') };
  const unchained = (events: readonly StoredCaseEvent[]): ForgedEvent[] =>
    events.map(({ version: _version, position: _position, prevHash: _prev, hash: _hash, ...event }) => event);

  it('passes every case before the forger comes', async () => {
    for (const caseId of cases) {
      expect(await verify(caseId)).toMatchObject({ valid: true, chain: { valid: true }, recordedEvents: { status: 'passed' }, log: { status: 'passed', pendingEvents: 0 } });
    }
  });

  it('catches a chain rewritten from version 5 with recomputed hashes and last_hash: recorded events and the log', async () => {
    await rewriteCase(harness.db, cases[0], (events) => unchained(events).map((event, index) => (
      index >= 4 ? { ...event, actor: { role: event.actor.role, id: `${event.actor.id}-x` }, occurredAt: new Date(Date.parse(event.occurredAt) - 60_000).toISOString() } : event
    )));

    const sut = await verify(cases[0]);

    expect(sut).toMatchObject({ valid: false, chain: { valid: true }, projection: REFOLDED_WITHOUT_KEYS });
    expect(sut.recordedEvents).toMatchObject({ status: 'mismatch', firstMismatch: { version: 5, field: 'actor.id' } });
    expect(sut.log).toMatchObject({ status: 'failed', firstInvalidVersion: 5 });
  });

  it('catches the risk level of version 2 changed, re-chained and re-folded', async () => {
    let version = 0;
    await rewriteCase(harness.db, cases[1], (events) => {
      const assessed = events.findIndex((event) => event.type === 'IntakeAssessed');
      version = assessed + 1;
      return unchained(events).map((event, index) => (index === assessed
        ? { ...event, data: { ...(event.data as object), riskLevel: (event.data as { riskLevel: string }).riskLevel === 'LOW' ? 'HIGH' : 'LOW' } } as ForgedEvent : event));
    });

    const sut = await verify(cases[1]);

    expect(sut).toMatchObject({ valid: false, chain: { valid: true }, projection: REFOLDED_WITHOUT_KEYS });
    expect(sut.recordedEvents).toMatchObject({ status: 'mismatch', firstMismatch: { version, field: 'data.riskLevel' } });
    expect(sut.log).toMatchObject({ status: 'failed', firstInvalidVersion: version });
  });

  it('catches the case\'s last two events deleted and the read model re-folded: the histories recorded them', async () => {
    let firstGone = 0;
    await rewriteCase(harness.db, cases[2], (events) => {
      // The case's own last two events; the archive's receipts after them stay, renumbered.
      const own = events.filter((event) => event.type !== 'HistoryArchived');
      firstGone = own.length - 1;
      const gone = new Set(own.slice(-2).map((event) => event.version));
      return unchained(events.filter((event) => !gone.has(event.version)));
    });

    const sut = await verify(cases[2]);

    expect(sut).toMatchObject({ valid: false, chain: { valid: true }, projection: REFOLDED_WITHOUT_KEYS });
    expect(sut.recordedEvents).toMatchObject({ status: 'mismatch', firstMismatch: { version: firstGone, field: null } });
    expect(sut.recordedEvents.firstMismatch.problem).toContain('is not stored');
  });

  it('catches the archive\'s receipts cut from the end of the stream while Temporal still holds the histories', async () => {
    await rewriteCase(harness.db, cases[6], (events) => unchained(events.filter((event) => event.type !== 'HistoryArchived')));

    const sut = await verify(cases[6]);

    expect(sut).toMatchObject({ valid: false, chain: { valid: true }, recordedEvents: { status: 'passed' } });
    expect(sut.replay.workflows).toContainEqual(expect.objectContaining({ workflowId: `case-${cases[6]}`, errorType: 'ArchiveDamaged' }));
  });

  it('catches a reordered pair of events that still folds', async () => {
    let first = 0;
    await rewriteCase(harness.db, cases[3], (events) => {
      // The first neighbours whose swap the case could have had: the fold accepts it, so the read model agrees too.
      const original = unchained(events);
      for (first = 1; first < original.length - 1; first++) {
        const swapped = [...original];
        [swapped[first], swapped[first + 1]] = [swapped[first + 1], swapped[first]];
        if (swapped[first].type === swapped[first + 1].type && JSON.stringify(swapped[first].data) === JSON.stringify(swapped[first + 1].data)) continue;
        if (foldsAsCase(swapped)) return swapped;
      }
      throw new Error('no pair of neighbours can be swapped and still fold');
    });

    const sut = await verify(cases[3]);

    expect(first).toBeGreaterThan(0);
    expect(sut).toMatchObject({ valid: false, chain: { valid: true }, fold: { valid: true } });
    expect(sut.recordedEvents).toMatchObject({ status: 'mismatch', firstMismatch: { version: first + 1 } });
  });

  it('catches a forged event inserted at the end, after the checkpoint: only the recordings can', async () => {
    await rewriteCase(harness.db, cases[4], (events) => {
      const last = unchained(events).at(-1)!;
      // A concern no expert raised, slipped in before the closure: it folds, so the read model can be made to agree.
      const concern = { ...last, type: 'ConcernRaised', data: { expertId: last.actor.id, concern: 'forged' }, idempotencyKey: `${last.idempotencyKey}:forged` } as unknown as ForgedEvent;
      return [...unchained(events).slice(0, -1), concern, last];
    });

    const sut = await verify(cases[4]);

    expect(sut.valid).toBe(false);
    expect(sut.chain.valid).toBe(true);
    expect(sut.recordedEvents.status).toBe('mismatch');
  });

  it('catches leaves deleted behind the store\'s back in a process that reads the log afresh', async () => {
    await harness.db.ownerTransaction(async (sql) => {
      await sql('ALTER TABLE transparency_log_leaves DISABLE TRIGGER USER');
      await sql('DELETE FROM transparency_log_leaves WHERE leaf_index = 3');
      await sql('ALTER TABLE transparency_log_leaves ENABLE TRIGGER USER');
    });
    const fresh = await createApiApp(harness.db, { imports: [AuditModule, realTemporalClient(harness.env.client)] });
    try {
      const sut = (await fresh.as('auditor', 'a.devries').get(`/cases/${cases[5]}/verify`).expect(200)).body;

      expect(sut).toMatchObject({ valid: false, log: { status: 'failed', problem: expect.stringContaining('leaf 3 of the transparency log is missing') } });
      const refused = await fresh.as('auditor', 'a.devries').post('/checkpoints').expect(409);
      expect(refused.body.reason).toMatchObject({ code: 'log_inconsistent', params: { detail: expect.stringContaining('leaf 3 of the transparency log is missing') } });
    } finally {
      await fresh.close();
    }
  });
});
