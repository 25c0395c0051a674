import { randomUUID } from 'node:crypto';
import { checkCaseRecord } from '../../src/audit/store-audit';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import { caseEvent, type CaseEventPayloads } from '../../src/domain/case.events';
import type { CaseState } from '../../src/domain/case.state';
import { literalText } from '../../src/domain/domain-text';
import { DESTROYED } from '../../src/domain/sensitive-fields';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { SealedFieldsOpener } from '../../src/field-encryption/sealed-fields-opener';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../support/case-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const CANARY = 'kanarie-91c4';

describe('the PostgreSQL event store, sealing sensitive fields', () => {
  let db: TestDatabase;
  let sut: PostgresEventStore;
  let opener: SealedFieldsOpener;

  beforeAll(async () => {
    db = await createTestDatabase();
    sut = new PostgresEventStore(db.dataSource, db.keyStore);
    opener = new SealedFieldsOpener(db.keyStore);
  });
  afterAll(() => db.drop());

  // A canary in every sensitive field of the request, and in the state's risk reasons and cancellation reason.
  async function aCaseFullOfCanaries(): Promise<string> {
    const request = aSupportRequest({
      description: `${CANARY} beschrijving`,
      officeHolder: { name: `${CANARY} Jan de Boer`, office: `${CANARY} wethouder`, details: `${CANARY} details` },
    });
    const { caseId } = request;
    await sut.append({ caseId, expectedVersion: 0, events: [requestReceived(request), intakeAssessed()], idempotencyKey: randomUUID() });
    await sut.append({
      caseId, expectedVersion: 2, idempotencyKey: randomUUID(), events: [
        caseEvent('RiskLevelChanged', { from: 'MEDIUM', to: 'HIGH', reason: literalText(`${CANARY} reden`) }, COORDINATOR, '2026-11-01T10:00:00.000Z'),
        caseEvent('CaseCancelled', { reason: `${CANARY} geannuleerd` }, COORDINATOR, '2026-11-01T11:00:00.000Z'),
      ],
    });
    return caseId;
  }

  async function rawRows(caseId: string): Promise<string> {
    const events = await db.sql<{ data: unknown }>('SELECT data FROM case_events WHERE case_id = $1', [caseId]);
    const [projection] = await db.sql<{ state: unknown }>('SELECT state FROM cases WHERE case_id = $1', [caseId]);
    return JSON.stringify([events, projection]);
  }

  async function projectionOf(caseId: string) {
    const [row] = await db.sql<{ version: number; last_hash: string; state: CaseState }>('SELECT version, last_hash, state FROM cases WHERE case_id = $1', [caseId]);
    return { version: row.version, lastHash: row.last_hash, state: row.state };
  }

  it('stores no sensitive text in the events or the read model', async () => {
    const caseId = await aCaseFullOfCanaries();

    const raw = await rawRows(caseId);

    expect(raw.split(CANARY)).toHaveLength(1);
    expect(raw).toContain('$sealed');
  });

  it('chains and audits the sealed form without any key', async () => {
    const caseId = await aCaseFullOfCanaries();

    const verification = await sut.verify(caseId);
    const audit = checkCaseRecord(caseId, await sut.readStream(caseId), await projectionOf(caseId));

    expect(verification).toMatchObject({ valid: true, eventCount: 4 });
    expect(audit).toBeNull();
  });

  it('opens the stream and the state to what was written', async () => {
    const caseId = await aCaseFullOfCanaries();

    const [received, , risk, cancelled] = await opener.openEvents(await sut.readStream(caseId));
    const state = await opener.openState((await projectionOf(caseId)).state);

    const { request } = received.data as CaseEventPayloads['RequestReceived'];
    expect(request.description).toBe(`${CANARY} beschrijving`);
    expect(request.officeHolder).toEqual({ name: `${CANARY} Jan de Boer`, office: `${CANARY} wethouder`, details: `${CANARY} details` });
    expect((risk.data as CaseEventPayloads['RiskLevelChanged']).reason).toEqual(literalText(`${CANARY} reden`));
    expect((cancelled.data as CaseEventPayloads['CaseCancelled']).reason).toBe(`${CANARY} geannuleerd`);
    expect(state.riskReasons.at(-1)).toEqual(literalText(`${CANARY} reden`));
    expect(state.cancellationReason).toBe(`${CANARY} geannuleerd`);
  });

  describe('when the case key is destroyed', () => {
    it('reads the case fields and the office holder as destroyed, though the person key lives on, and still verifies', async () => {
      const caseId = await aCaseFullOfCanaries();
      await db.keyStore.destroy(`case-${caseId}`, { reason: 'retention', reference: 'test', destroyedAt: new Date().toISOString() });

      const [received, , risk] = await opener.openEvents(await sut.readStream(caseId));
      const state = await opener.openState((await projectionOf(caseId)).state);

      const { request } = received.data as CaseEventPayloads['RequestReceived'];
      expect(request.description).toBe(DESTROYED);
      // The office holder's values hold a case-key seal inside their person-key seal: the case's retention reaches them.
      expect(request.officeHolder).toEqual({ name: DESTROYED, office: DESTROYED, details: DESTROYED });
      expect((risk.data as CaseEventPayloads['RiskLevelChanged']).reason).toEqual(literalText(DESTROYED));
      expect(state.cancellationReason).toBe(DESTROYED);
      expect(await sut.verify(caseId)).toMatchObject({ valid: true });
      expect(checkCaseRecord(caseId, await sut.readStream(caseId), await projectionOf(caseId))).toBeNull();
    });

    it('still appends an event that carries nothing sensitive', async () => {
      const caseId = await aCaseFullOfCanaries();
      await db.keyStore.destroy(`case-${caseId}`, { reason: 'retention', reference: 'test', destroyedAt: new Date().toISOString() });

      const appended = await sut.append({
        caseId, expectedVersion: 4, idempotencyKey: randomUUID(),
        events: [caseEvent('HistoryArchived', {
          workflowId: `case-${caseId}`, runId: 'run', workflowType: 'supportCase', closeStatus: 'CANCELLED', sha256: '0'.repeat(64), byteLength: 1, eventCount: 1,
        }, COORDINATOR, '2026-11-02T09:00:00.000Z')],
      });

      expect(appended.toVersion).toBe(5);
      expect(await sut.verify(caseId)).toMatchObject({ valid: true });
    });
  });

  it("opens an expert's name that folding moved from an open offer to the team, appended apart", async () => {
    // Found by the fault test: an accepted offer's sealed name moved into the team and no longer opened there.
    const request = aSupportRequest();
    const { caseId } = request;
    const expertId = randomUUID();
    await sut.append({ caseId, expectedVersion: 0, idempotencyKey: randomUUID(), events: [
      requestReceived(request), intakeAssessed(), caseEvent('RequestAccepted', {}, COORDINATOR, '2026-11-01T10:00:00.000Z'),
      caseEvent('ExpertOffered', { offerId: 'offer-1-1', expertId, expertName: `${CANARY} Anouk`, round: 1, expiresAt: '2026-11-02T10:00:00.000Z' }, SYSTEM_ACTOR, '2026-11-01T10:00:01.000Z'),
    ] });
    await sut.append({ caseId, expectedVersion: 4, idempotencyKey: randomUUID(), events: [
      caseEvent('OfferAccepted', { offerId: 'offer-1-1', expertId }, { role: 'expert', id: expertId }, '2026-11-01T11:00:00.000Z'),
    ] });

    const state = await opener.openState((await projectionOf(caseId)).state);

    expect(state.team).toEqual([expect.objectContaining({ expertId, name: `${CANARY} Anouk` })]);
    expect(await rawRows(caseId)).not.toContain(CANARY);
  });

  it('reads a plain value stored before sealing began as it is', async () => {
    const caseId = await aCaseFullOfCanaries();
    const [received] = await sut.readStream(caseId);
    const legacy = { ...received, data: { request: { ...aSupportRequest({ caseId, description: 'oud' }) } } };

    const [opened] = await opener.openEvents([legacy]);

    expect((opened.data as CaseEventPayloads['RequestReceived']).request.description).toBe('oud');
  });
});
