import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { FolderDataKeyStore } from '../../src/key-store/folder-data-key-store';
import { ErasureRequestsModule } from '../../src/retention/erasure-requests.module';
import { createApiApp, type ApiApp } from '../support/api-app';
import { recordEndedCase } from '../support/ended-cases';
import { registerPoolExperts } from '../support/pool-experts';
import { refusalText } from '../support/catalogue-texts';
import { DESTROYED } from '../../src/domain/sensitive-fields';
import { SealedFieldsOpener } from '../../src/field-encryption/sealed-fields-opener';
import { recordCaseWithExpert } from '../support/case-with-expert';
import { ExpertMessageSealer } from '../../src/field-encryption/expert-message-sealer';
import { PostgresDeliveryLedger } from '../../src/notifications/postgres-delivery-ledger';
import { PostgresOutboxReader } from '../../src/notifications/postgres-outbox-reader';
import { PostgresOfficeHolderClaims } from '../../src/retention-store/postgres-office-holder-claims';
import { eventually } from '../support/eventually';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('erasure requests', () => {
  let db: TestDatabase;
  let sut: ApiApp;
  let dataDir: string;
  let eventStore: PostgresEventStore;
  const expertId = randomUUID();

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'brigade-erasure-'));
    db = await createTestDatabase();
    // The app keeps its keys in this data folder; the test seals (and later checks) under the same store.
    eventStore = new PostgresEventStore(db.dataSource, FolderDataKeyStore.open(dataDir));
    // An expert's token counts only while they are in the pool.
    await registerPoolExperts(db, expertId);
    sut = await createApiApp(db, { imports: [ErasureRequestsModule], env: { BRIGADE_DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await sut?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const keyStore = () => FolderDataKeyStore.open(dataDir);
  /** An office holder sealed under their own person key, as the sealing code stores them. */
  const sealedOfficeHolder = (personId: string) => ({
    name: { $sealed: `person-${personId}:TmFhbSB2YW4gZGUgd2V0aG91ZGVy` }, office: { $sealed: `person-${personId}:d2V0aG91ZGVy` },
  });
  const yearsAgo = (years: number) => new Date(Date.now() - years * 365 * 86_400_000).toISOString();
  const eventsOf = async (caseId: string, type: string) => (await eventStore.readStream(caseId)).filter((event) => event.type === type);
  const rowCount = async (table: string) => (await db.sql<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`))[0].count;

  describe('when one coordinator asks and another approves', () => {
    const personId = randomUUID();
    let cases: string[];
    let other: string;
    let requestId: string;

    beforeAll(async () => {
      await keyStore().keyFor({ kind: 'person', personId });
      cases = [
        await recordEndedCase(eventStore, { outcome: 'closed', endedAt: yearsAgo(1), category: 'THREAT_TO_OFFICIAL', officeHolder: sealedOfficeHolder(personId) }),
        await recordEndedCase(eventStore, { outcome: 'cancelled', endedAt: yearsAgo(2), officeHolder: sealedOfficeHolder(personId) }),
      ];
      other = await recordEndedCase(eventStore, { outcome: 'closed', endedAt: yearsAgo(1), officeHolder: sealedOfficeHolder(randomUUID()) });
      const created = await sut.as('coordinator', 'c.jansen').post('/erasure-requests').send({ subjectKind: 'officeHolder', caseId: cases[0], reason: 'data_subject_request' }).expect(201);
      requestId = created.body.requestId;
    });

    it('records the request as requested, by its coordinator', async () => {
      const { body } = await sut.as('auditor', 'a.visser').get('/erasure-requests').expect(200);
      expect(body).toEqual(expect.arrayContaining([expect.objectContaining({
        requestId, state: 'requested', reason: 'data_subject_request', subject: { kind: 'officeHolder', caseId: cases[0] }, requestedBy: expect.objectContaining({ id: 'c.jansen' }),
      })]));
    });

    it('refuses the requester approving their own request, naming the four-eyes rule, and records nothing', async () => {
      const response = await sut.as('coordinator', 'c.jansen').post(`/erasure-requests/${requestId}/approve`).expect(403);

      expect(response.body.reason).toEqual({ code: 'erasure_own_request', params: { actorId: 'c.jansen' } });
      // Dutch by default, naming the rule.
      expect(response.body.message).toBe(refusalText('erasure_own_request', { actorId: 'c.jansen' }));
      expect(response.body.message).toMatch(/^Vier ogen/);
      expect(await db.sql('SELECT * FROM erasure_request_decisions WHERE request_id = $1', [requestId])).toEqual([]);
      expect(await eventsOf(cases[0], 'PersonalDataErased')).toEqual([]);
      expect(await keyStore().find(`person-${personId}`)).toMatchObject({ state: 'active' });
    });

    it('refuses the requester under their own subject spelled in capitals, as the same person', async () => {
      // Found by the attack pass: a token for `C.Jansen` approved what `c.jansen` had asked.
      const response = await sut.as('coordinator', 'C.Jansen').post(`/erasure-requests/${requestId}/approve`).expect(403);

      expect(response.body.reason.code).toBe('erasure_own_request');
      expect(await keyStore().find(`person-${personId}`)).toMatchObject({ state: 'active' });
    });

    it('on a second coordinator\'s approval destroys the person key and records PersonalDataErased in every case that sealed them', async () => {
      const { body } = await sut.as('coordinator', 'c.devries').post(`/erasure-requests/${requestId}/approve`).expect(200);

      expect(body).toMatchObject({ state: 'executed', keyIds: [`person-${personId}`], caseIds: expect.arrayContaining(cases) });
      expect(await keyStore().find(`person-${personId}`)).toMatchObject({ state: 'destroyed' });
      for (const caseId of cases) {
        const erased = await eventsOf(caseId, 'PersonalDataErased');
        expect(erased.map((event) => event.data)).toEqual([{
          requestId, subject: { kind: 'officeHolder' }, requestedBy: 'c.jansen', approvedBy: 'c.devries', reason: 'data_subject_request',
          fields: ['request.officeHolder.name', 'request.officeHolder.office'],
        }]);
        // Nothing of the person: neither the sealed values nor their key's id.
        expect(JSON.stringify(erased[0].data)).not.toMatch(/TmFhbS|d2V0aG91ZGVy|person-/);
        expect(await eventStore.verify(caseId)).toMatchObject({ valid: true });
      }
      expect(await eventsOf(other, 'PersonalDataErased')).toEqual([]);
    });

    it('refuses deciding again', async () => {
      const response = await sut.as('coordinator', 'c.bakker').post(`/erasure-requests/${requestId}/reject`).expect(409);
      expect(response.body.reason.code).toBe('erasure_request_decided');
    });

    it('reports the erasure, with the key store\'s tombstone, as JSON and as CSV', async () => {
      const from = yearsAgo(0.01);
      const to = new Date(Date.now() + 60_000).toISOString();
      const { body } = await sut.as('auditor', 'a.visser').get(`/retention/destruction-report?from=${from}&to=${to}`).expect(200);
      const ours = body.filter((row: { reference: string }) => row.reference === requestId);
      expect(ours.map((row: { caseId: string }) => row.caseId).sort()).toEqual([...cases].sort());
      expect(ours[0]).toMatchObject({ kind: 'erasure', basis: 'data_subject_request', approvedBy: ['c.jansen', 'c.devries'], keys: [{ keyId: `person-${personId}`, state: 'destroyed', destroyedAt: expect.any(String) }] });

      const csv = await sut.as('coordinator', 'c.jansen').get(`/retention/destruction-report?from=${from}&to=${to}`).set('Accept', 'text/csv').expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text.split('\r\n')[0]).toBe('occurredAt,caseId,kind,reference,basis,approvedBy,keyId,keyState,keyDestroyedAt');
      expect(csv.text).toContain(`,${cases[0]},erasure,${requestId},data_subject_request,c.jansen c.devries,person-${personId},destroyed,`);
    });
  });

  describe('when a case about the same office holder is being registered meanwhile', () => {
    // Found by the attack pass: a request registered during the approval was sealed under the key the approval destroyed.
    it('waits for the registration, then refuses while that case is open, destroying nothing', async () => {
      const personId = randomUUID();
      await keyStore().keyFor({ kind: 'person', personId });
      const ended = await recordEndedCase(eventStore, { outcome: 'closed', endedAt: yearsAgo(1), officeHolder: sealedOfficeHolder(personId) });
      const { body: request } = await sut.as('coordinator', 'c.jansen').post('/erasure-requests').send({ subjectKind: 'officeHolder', caseId: ended, reason: 'data_subject_request' }).expect(201);
      let release!: () => void;
      const registering = new PostgresOfficeHolderClaims(db.dataSource).whileRegistering(randomUUID(), `person-${personId}`, () => new Promise<void>((resolve) => { release = resolve; }));
      await eventually(async () => release !== undefined || undefined, 'the registration holding its claim');

      const approving = sut.as('coordinator', 'c.devries').post(`/erasure-requests/${request.requestId}/approve`).then((response) => response);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await keyStore().find(`person-${personId}`)).toMatchObject({ state: 'active' });
      release();
      await registering;
      const approved = await approving;

      expect(approved.status).toBe(409);
      expect(approved.body.reason.code).toBe('erasure_case_still_open');
      expect(await keyStore().find(`person-${personId}`)).toMatchObject({ state: 'active' });
    });
  });

  describe("for an office holder with a newer case under the next generation of their key", () => {
    // Found by the attack pass: a second request through the older case left the newer case's office holder readable.
    it('destroys every generation through the older case, and then has nothing left to erase', async () => {
      const personId = randomUUID();
      await keyStore().keyFor({ kind: 'person', personId });
      await keyStore().keyFor({ kind: 'person', personId: `${personId}-g2` });
      const older = await recordEndedCase(eventStore, { outcome: 'closed', endedAt: yearsAgo(2), officeHolder: sealedOfficeHolder(personId) });
      const newer = await recordEndedCase(eventStore, { outcome: 'closed', endedAt: yearsAgo(1), officeHolder: sealedOfficeHolder(`${personId}-g2`) });
      const ask = async () => (await sut.as('coordinator', 'c.jansen').post('/erasure-requests').send({ subjectKind: 'officeHolder', caseId: older, reason: 'data_subject_request' }).expect(201)).body.requestId as string;

      const { body } = await sut.as('coordinator', 'c.devries').post(`/erasure-requests/${await ask()}/approve`).expect(200);
      const again = await sut.as('coordinator', 'c.devries').post(`/erasure-requests/${await ask()}/approve`).expect(409);

      expect(body.keyIds).toEqual([`person-${personId}`, `person-${personId}-g2`]);
      expect(body.caseIds).toEqual(expect.arrayContaining([older, newer]));
      expect(await keyStore().find(`person-${personId}-g2`)).toMatchObject({ state: 'destroyed' });
      expect(again.body.reason.code).toBe('erasure_nothing_left');
      expect(await eventsOf(newer, 'PersonalDataErased')).toHaveLength(1);
    });
  });

  describe('for an expert who left the pool', () => {
    // Found by the attack pass: an expert's erasure destroyed a key that sealed nothing, and their name stayed everywhere.
    const leaver = randomUUID();
    const canary = `Anouk ${randomUUID().slice(0, 8)}`;
    let caseId: string;

    const address = `${leaver.slice(0, 8)}@experts.example`;
    const deliveryKey = () => `${caseId}/offer-${leaver}/email`;
    const sealer = () => new ExpertMessageSealer(keyStore());

    beforeAll(async () => {
      await registerPoolExperts(db, { expertId: leaver, name: canary });
      caseId = await recordCaseWithExpert(eventStore, leaver, canary);
      // The offer's message as the sender keeps it: to their address, greeting them by name.
      await new PostgresDeliveryLedger(db.dataSource, sealer()).open({
        deliveryKey: deliveryKey(), caseId, notificationId: `offer-${leaver}`, kind: 'offerMade', channel: 'email', transport: 'smtp',
        recipient: { kind: 'expert', id: leaver }, recipientAddress: address, language: 'nl', subject: 'Een aanbod', body: `Beste ${canary},`, calendar: null,
      });
    });

    it('refuses while the expert is still active, and an expert the pool does not have, recording nothing', async () => {
      const before = await rowCount('erasure_requests');
      const active = await sut.as('coordinator', 'c.jansen').post('/erasure-requests').send({ subjectKind: 'expert', expertId: leaver, reason: 'expert_left_pool' }).expect(409);
      const unknown = await sut.as('coordinator', 'c.jansen').post('/erasure-requests').send({ subjectKind: 'expert', expertId: randomUUID(), reason: 'expert_left_pool' }).expect(404);

      expect(active.body.reason.code).toBe('erasure_expert_still_active');
      expect(unknown.body.reason.code).toBe('erasure_expert_not_found');
      expect(await rowCount('erasure_requests')).toBe(before);
    });

    it("stores the expert's name nowhere in plain text: events, their actor's name and the case state", async () => {
      const rows = await db.sql<{ text: string }>(`
        SELECT data::text || coalesce(actor_name, '') AS text FROM case_events WHERE case_id = $1
        UNION ALL SELECT state::text FROM cases WHERE case_id = $1
        UNION ALL SELECT recipient_address || body FROM notification_deliveries WHERE case_id = $1`, [caseId]);

      expect(rows.map(({ text }) => text).join('\n')).not.toContain(canary);
      expect(rows.map(({ text }) => text).join('\n')).not.toContain(address);
      expect(rows.map(({ text }) => text).join('\n')).toContain(`person-expert-${leaver}:`);
    });

    it("once deactivated and approved by a second coordinator, destroys their key, erases them from the pool, and their name reads destroyed", async () => {
      await db.sql('UPDATE experts SET active = false WHERE expert_id = $1', [leaver]);
      const created = await sut.as('coordinator', 'c.jansen').post('/erasure-requests').send({ subjectKind: 'expert', expertId: leaver.toUpperCase(), reason: 'expert_left_pool' }).expect(201);
      const { body } = await sut.as('coordinator', 'c.devries').post(`/erasure-requests/${created.body.requestId}/approve`).expect(200);

      expect(body).toMatchObject({ state: 'executed', subject: { kind: 'expert', expertId: leaver }, keyIds: [`person-expert-${leaver}`], caseIds: [caseId] });
      const opened = await new SealedFieldsOpener(keyStore()).openEvents(await eventStore.readStream(caseId));
      const offered = opened.find((event) => event.type === 'ExpertOffered')!;
      const declined = opened.find((event) => event.type === 'OfferDeclined')!;
      expect((offered.data as { expertName: string }).expertName).toBe(DESTROYED);
      expect(declined.actor).toMatchObject({ role: 'expert', id: leaver, name: DESTROYED });
      expect((await eventsOf(caseId, 'PersonalDataErased')).map((event) => event.data)).toEqual([expect.objectContaining({ subject: { kind: 'expert' }, fields: ['expertName'] })]);
      expect(await eventStore.verify(caseId)).toMatchObject({ valid: true });
      const message = await new PostgresOutboxReader(db.dataSource, sealer()).find(deliveryKey());
      expect(message).toMatchObject({ recipient: { kind: 'expert', id: leaver, address: DESTROYED }, body: DESTROYED, subject: 'Een aanbod' });
      const [pool] = await db.sql<Record<string, unknown>>('SELECT name, email, phone, identity_subject, active FROM experts WHERE expert_id = $1', [leaver]);
      expect(pool).toEqual({ name: DESTROYED, email: `erased-${leaver}@erased.invalid`, phone: null, identity_subject: null, active: false });
    });
  });

  describe('when the request is rejected', () => {
    it('destroys nothing and records the rejection', async () => {
      const personId = randomUUID();
      await keyStore().keyFor({ kind: 'person', personId });
      const caseId = await recordEndedCase(eventStore, { outcome: 'closed', endedAt: yearsAgo(1), officeHolder: sealedOfficeHolder(personId) });
      const { body } = await sut.as('coordinator', 'c.jansen').post('/erasure-requests').send({ subjectKind: 'officeHolder', caseId, reason: 'no_longer_needed' }).expect(201);

      const rejected = await sut.as('coordinator', 'c.devries').post(`/erasure-requests/${body.requestId}/reject`).expect(200);

      expect(rejected.body).toMatchObject({ state: 'rejected', decidedBy: expect.objectContaining({ id: 'c.devries' }) });
      expect(await keyStore().find(`person-${personId}`)).toMatchObject({ state: 'active' });
      expect(await eventsOf(caseId, 'PersonalDataErased')).toEqual([]);
    });
  });

  describe('who may call them', () => {
    const subjectOf = (role: 'expert' | 'auditor') => (role === 'expert' ? expertId : `${role}-1`);
    it.each(['expert', 'auditor'] as const)('refuses an %s registering or approving a request', async (role) => {
      const before = await rowCount('erasure_requests');
      await sut.as(role, subjectOf(role)).post('/erasure-requests').send({ subjectKind: 'expert', expertId: 'expert-anouk', reason: 'expert_left_pool' }).expect(403);
      await sut.as(role, subjectOf(role)).post(`/erasure-requests/${randomUUID()}/approve`).expect(403);
      expect(await rowCount('erasure_requests')).toBe(before);
    });

    it('refuses an expert reading the requests or the report', async () => {
      await sut.as('expert', expertId).get('/erasure-requests').expect(403);
      await sut.as('expert', expertId).get('/retention/destruction-report?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z').expect(403);
    });
  });

  describe('given bad input', () => {
    it.each([
      ['a subject kind it does not know', { subjectKind: 'mayor', caseId: randomUUID(), reason: 'data_subject_request' }, 'subjectKind'],
      ['an office holder without a case', { subjectKind: 'officeHolder', reason: 'data_subject_request' }, 'caseId'],
      ['an expert without an id', { subjectKind: 'expert', reason: 'expert_left_pool' }, 'expertId'],
      ['a reason in free text', { subjectKind: 'expert', expertId: 'expert-anouk', reason: 'she asked me on the phone' }, 'reason'],
      ['a field the body does not have', { subjectKind: 'expert', expertId: 'expert-anouk', reason: 'expert_left_pool', name: 'Anouk' }, 'name'],
    ])('refuses %s with a 400 naming the field, and records nothing', async (_what, body, field) => {
      const before = await rowCount('erasure_requests');
      const response = await sut.as('coordinator', 'c.jansen').post('/erasure-requests').send(body).expect(400);
      expect(response.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await rowCount('erasure_requests')).toBe(before);
    });

    it('refuses a case that does not exist with 404 naming it', async () => {
      const caseId = randomUUID();
      const response = await sut.as('coordinator', 'c.jansen').post('/erasure-requests').send({ subjectKind: 'officeHolder', caseId, reason: 'data_subject_request' }).expect(404);
      expect(response.body.reason).toEqual({ code: 'erasure_case_not_found', params: { caseId } });
    });

    it('refuses a report period that ends before it starts, naming the field', async () => {
      const response = await sut.as('auditor', 'a.visser').get('/retention/destruction-report?from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z').expect(400);
      expect(response.body.fields).toEqual([expect.objectContaining({ field: 'to' })]);
    });
  });
});
