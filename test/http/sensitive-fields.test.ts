import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../src/domain/user-role';
import { CasesModule } from '../../src/cases/cases.module';
import { caseEvent, type NewCaseEvent } from '../../src/domain/case.events';
import type { CaseState } from '../../src/domain/case.state';
import { SYSTEM_ACTOR, type Actor } from '../../src/domain/case.vocabulary';
import { REDACTED } from '../../src/domain/sensitive-fields';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { ExpertInboxModule } from '../../src/expert-inbox/expert-inbox.module';
import { SealedFieldsOpener } from '../../src/field-encryption/sealed-fields-opener';
import { createApiApp, type ApiApp } from '../support/api-app';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../support/case-fixtures';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import { registerPoolExperts } from '../support/pool-experts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { domainText, literalText } from '../../src/domain/domain-text';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';

const LEAD = randomUUID();
const OFFERED = randomUUID();
const AUDITOR: Actor = { role: 'auditor', id: 'a.visser' };
const expert = (expertId: string): Actor => ({ role: 'expert', id: expertId });
const T = Date.parse('2027-03-01T09:00:00.000Z');
const at = (hours: number) => new Date(T + hours * 3_600_000).toISOString();

/** How often a text occurs in an answer's body. */
const occurrences = (body: unknown, text: string) => JSON.stringify(body).split(text).length - 1;

describe('sensitive fields in the API', () => {
  let db: TestDatabase;
  let app: ApiApp;
  let workflows: FakeCaseWorkflows;
  let eventStore: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The guard lets an expert in only when the pool knows them.
    await registerPoolExperts(db, { expertId: LEAD, name: 'Anouk' }, { expertId: OFFERED, name: 'Bram' });
    workflows = new FakeCaseWorkflows();
    eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
    app = await createApiApp(db, { imports: [CasesModule, ExpertInboxModule], caseWorkflows: workflows });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const as = (actor: Actor) => app.as(actor.role as UserRole, actor.id);

  /**
   * A case whose office holder and description carry the marker, as does every free text people wrote on it: LEAD is on
   * the team with a completed task, OFFERED has an open offer. Its workflow is running and shows the recorded state.
   */
  async function aCaseWithSecrets(marker: string): Promise<{ caseId: string; state: CaseState }> {
    const request = aSupportRequest({
      description: `Threats against the alderman ${marker}`,
      officeHolder: { name: `J. de Boer ${marker}`, office: 'wethouder wonen', details: `two young children ${marker}` },
    });
    const events: NewCaseEvent[] = [
      requestReceived(request, at(0)), intakeAssessed(at(0)),
      caseEvent('RequestAccepted', { note: `the mayor called ${marker}` }, COORDINATOR, at(1)),
      caseEvent('ExpertOffered', { offerId: 'offer-1-1', expertId: LEAD, expertName: 'Anouk', round: 1, expiresAt: at(72) }, SYSTEM_ACTOR, at(1)),
      caseEvent('ExpertOffered', { offerId: 'offer-1-2', expertId: OFFERED, expertName: 'Bram', round: 1, expiresAt: at(72) }, SYSTEM_ACTOR, at(1)),
      caseEvent('OfferAccepted', { offerId: 'offer-1-1', expertId: LEAD }, expert(LEAD), at(2)),
      caseEvent('TaskAssigned', { taskId: 'task-1', templateId: 'risk-analysis', title: domainText('task.risk_analysis'), assigneeId: LEAD, dueAt: at(48) }, SYSTEM_ACTOR, at(2)),
      caseEvent('TaskCompleted', { taskId: 'task-1', outcome: `the threats come from a neighbour ${marker}` }, expert(LEAD), at(3)),
      caseEvent('RiskLevelChanged', { from: 'MEDIUM', to: 'HIGH', reason: literalText(`a letter at home ${marker}`) }, COORDINATOR, at(4)),
      caseEvent('EscalationRaised', {
        escalationId: 'esc-1', trigger: 'riskRaised', subject: 'risk:HIGH', reason: ESCALATION_REASONS.riskRaised('MEDIUM', 'HIGH', literalText(`a letter at home ${marker}`)),
        level: 1, target: 'dutyCoordinator', ackDeadline: at(5),
      }, SYSTEM_ACTOR, at(4)),
    ];
    await eventStore.append({ caseId: request.caseId, expectedVersion: 0, idempotencyKey: `sensitive-fields-${request.caseId}`, events });
    // The row holds the state sealed; the workflow's live view holds it as written.
    const state = await new SealedFieldsOpener(db.keyStore).openState((await db.sql<{ state: CaseState }>('SELECT state FROM cases WHERE case_id = $1', [request.caseId]))[0].state);
    workflows.running.set(request.caseId, state);
    return { caseId: request.caseId, state };
  }

  describe('GET /cases/:id', () => {
    it.each([
      ['a coordinator', COORDINATOR],
      ['an expert on the team', expert(LEAD)],
      ['an auditor', AUDITOR],
    ])('shows %s the free text in the recorded and the live state', async (_who, reader) => {
      const marker = `canary-${randomUUID()}`;
      const { caseId } = await aCaseWithSecrets(marker);

      const { body } = await as(reader).get(`/cases/${caseId}`).expect(200);

      // In each state the outcome once, and the risk reason and escalation reason each as recorded and as rendered; the
      // request itself is not part of the state.
      expect(occurrences(body.recorded, marker)).toBe(5);
      expect(occurrences(body.live, marker)).toBe(5);
    });

    it('redacts it for an expert who is only offered the case, in both states, and keeps what they decide on', async () => {
      const marker = `canary-${randomUUID()}`;
      const { caseId, state } = await aCaseWithSecrets(marker);

      const { body } = await as(expert(OFFERED)).get(`/cases/${caseId}`).expect(200);

      expect(occurrences(body, marker)).toBe(0);
      for (const shown of [body.recorded, body.live]) {
        expect(shown).toMatchObject({
          stage: state.stage, category: state.category, municipality: state.municipality, riskLevel: 'HIGH', eventDate: state.eventDate,
          team: state.team, openOffers: state.openOffers,
          tasks: [{ taskId: 'task-1', status: 'completed', outcome: REDACTED }],
          openEscalations: [{ escalationId: 'esc-1', reason: { code: 'escalation.risk_raised', params: { reason: literalText(REDACTED) } } }],
        });
        // The intake's coded reason says nothing a person wrote; the coordinator's words are redacted, rendered text too.
        expect(shown.riskReasons).toEqual([
          { code: 'risk.threats_received', text: 'er zijn bedreigingen ontvangen' },
          { ...literalText(REDACTED), text: REDACTED },
        ]);
      }
    });

    it('shows it to an offered expert once the live state has them on the team, before the recorded one does', async () => {
      const marker = `canary-${randomUUID()}`;
      const { caseId, state } = await aCaseWithSecrets(marker);
      workflows.running.set(caseId, { ...state, openOffers: [], team: [...state.team, { expertId: OFFERED, name: 'Bram', role: 'support' }] });

      const { body } = await as(expert(OFFERED)).get(`/cases/${caseId}`).expect(200);

      expect(occurrences(body, marker)).toBe(10);
    });
  });

  describe('the state a decision answers with', () => {
    it('is redacted for an expert who declines, since they are not on the team', async () => {
      const marker = `canary-${randomUUID()}`;
      const { caseId } = await aCaseWithSecrets(marker);

      const { body } = await as(expert(OFFERED)).post(`/cases/${caseId}/offers/offer-1-2/decline`).send({}).expect(200);

      expect(body.caseId).toBe(caseId);
      expect(occurrences(body, marker)).toBe(0);
      expect(body.tasks[0].outcome).toBe(REDACTED);
    });

    it('is whole for an expert who accepts and is on the team in it', async () => {
      const marker = `canary-${randomUUID()}`;
      const { caseId, state } = await aCaseWithSecrets(marker);
      workflows.running.set(caseId, { ...state, openOffers: [], team: [...state.team, { expertId: OFFERED, name: 'Bram', role: 'support' }] });

      const { body } = await as(expert(OFFERED)).post(`/cases/${caseId}/offers/offer-1-2/accept`).send({}).expect(200);

      expect(occurrences(body, marker)).toBe(5);
    });

    it('is whole for the coordinator who made it', async () => {
      const marker = `canary-${randomUUID()}`;
      const { caseId } = await aCaseWithSecrets(marker);

      const { body } = await as(COORDINATOR).post(`/cases/${caseId}/cancel`).send({ reason: 'withdrawn' }).expect(200);

      expect(occurrences(body, marker)).toBe(5);
    });
  });

  describe('lists and inboxes', () => {
    it('never carry free text, description or office holder, not even to a coordinator', async () => {
      const marker = `canary-${randomUUID()}`;
      const { caseId } = await aCaseWithSecrets(marker);

      const list = (await as(COORDINATOR).get('/cases').query({ pageSize: 100 }).expect(200)).body as { items: Array<{ caseId: string }> };
      const offers = (await as(expert(OFFERED)).get('/me/offers').expect(200)).body as Array<{ caseId: string }>;
      const tasks = (await as(expert(LEAD)).get('/me/tasks').expect(200)).body;
      const cases = (await as(expert(LEAD)).get('/me/cases').expect(200)).body as Array<{ caseId: string }>;

      expect(list.items.map((item) => item.caseId)).toContain(caseId);
      expect(offers.map((offer) => offer.caseId)).toContain(caseId);
      expect(cases.map((item) => item.caseId)).toContain(caseId);
      expect([list, offers, tasks, cases].map((body) => occurrences(body, marker))).toEqual([0, 0, 0, 0]);
    });
  });

  describe('GET /cases/:id/events', () => {
    it.each([
      ['a coordinator', COORDINATOR],
      ['an auditor, who recomputes the hashes over them', AUDITOR],
    ])('gives %s the complete events, office holder and description included', async (_who, reader) => {
      const marker = `canary-${randomUUID()}`;
      const { caseId } = await aCaseWithSecrets(marker);

      const { body } = await as(reader).get(`/cases/${caseId}/events`).expect(200);

      expect(body[0].data.request).toMatchObject({ description: expect.stringContaining(marker), officeHolder: { name: expect.stringContaining(marker) } });
      // Description, name, details, note, outcome, risk reason and escalation reason.
      expect(occurrences(body, marker)).toBe(7);
    });
  });
});
