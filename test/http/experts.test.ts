import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EXPERT_DIRECTORY, type ExpertDirectory } from '../../src/expert-directory/expert-directory.port';
import type { ExpertView } from '../../src/experts/expert.mapper';
import { ExpertDeactivationModule } from '../../src/expert-deactivation/expert-deactivation.module';
import { ExpertsModule } from '../../src/experts/experts.module';
import { createApiApp, type ApiApp } from '../support/api-app';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import { anExpertBody } from '../support/expert-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bearer } from '../support/tokens';
import { problemText, refusalText } from '../support/catalogue-texts';

describe('the expert registry', () => {
  let db: TestDatabase;
  let app: ApiApp;
  let api: () => ReturnType<typeof request.agent>;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApp(db, { imports: [ExpertsModule, ExpertDeactivationModule], caseWorkflows: new FakeCaseWorkflows() });
    // The expert pool is the coordinators' to manage; who else may call these routes is tested in route-auth.test.ts.
    api = () => request.agent(app.app.getHttpServer()).set('Authorization', bearer('coordinator', 'c.jansen'));
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function anExpert(overrides: Record<string, unknown> = {}): Promise<ExpertView> {
    const response = await api().post('/experts').send(anExpertBody(overrides)).expect(201);
    return response.body as ExpertView;
  }

  async function rowsNamed(name: unknown): Promise<number> {
    const [{ count }] = await db.sql<{ count: number }>('SELECT count(*)::int AS count FROM experts WHERE name = $1', [name]);
    return count;
  }

  describe('POST /experts', () => {
    it('registers the expert and answers 201 with what was stored', async () => {
      const body = anExpertBody();

      const response = await api().post('/experts').send(body).expect(201);

      const { homeMunicipalityCode: _home, conflictMunicipalityCodes: _conflicts, ...rest } = body;
      expect(response.body).toEqual({
        ...rest,
        homeMunicipality: { code: 'GM0637', name: 'Zoetermeer' },
        unmappedHomeMunicipality: null,
        conflictMunicipalities: [{ code: 'GM0503', name: 'Delft' }],
        unmappedConflictMunicipalities: [],
        // Linked by a verified e-mail address until a coordinator sets the provider's subject.
        identitySubject: null,
        // Messages go in Dutch until the expert or a coordinator chooses English.
        notificationLanguage: 'nl',
        expertId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        active: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(await rowsNamed(body.name)).toBe(1);
    });

    it('starts without skills, periods or conflicts, speaking Dutch, when those are left out', async () => {
      const { skills: _s, unavailable: _u, conflictMunicipalityCodes: _c, languages: _l, phone: _p, ...body } = anExpertBody();

      const response = await api().post('/experts').send(body).expect(201);

      expect(response.body).toMatchObject({ phone: null, skills: [], unavailable: [], conflictMunicipalities: [], languages: ['nl'] });
    });

    it('refuses a second expert with the same e-mail address, whatever its case, with 409', async () => {
      const first = await anExpert();
      const second = anExpertBody({ email: first.email.toUpperCase() });

      const response = await api().post('/experts').send(second).expect(409);

      expect(response.body.message).toContain(first.email.toUpperCase());
      expect(await rowsNamed(second.name)).toBe(0);
    });

    it.each([
      ['a blank name', { name: '   ' }, 'name'],
      ['an invalid e-mail address', { email: 'anouk-at-example' }, 'email'],
      ['an unknown category', { categories: ['FLOOD'] }, 'categories'],
      ['no category at all', { categories: [] }, 'categories'],
      ['a capacity of 0', { capacity: 0 }, 'capacity'],
      ['a capacity of 11', { capacity: 11 }, 'capacity'],
      ['an unknown safety region', { safetyRegion: 'atlantis' }, 'safetyRegion'],
      ['an unavailable period that ends before it starts', { unavailable: [{ from: '2027-03-10T00:00:00Z', to: '2027-03-09T23:59:59Z' }] }, 'unavailable.0.to'],
      ['an unavailable period with a date that is not ISO 8601', { unavailable: [{ from: '10-03-2027', to: '2027-03-12T00:00:00Z' }] }, 'unavailable.0.from'],
      ['an unavailable period given as dates alone', { unavailable: [{ from: '2027-03-10T00:00:00Z', to: '2027-03-12' }] }, 'unavailable.0.to'],
      ['an unavailable period given as an ISO week', { unavailable: [{ from: '2027-W10', to: '2027-03-12T00:00:00Z' }] }, 'unavailable.0.from'],
      ['an unavailable period that ends beyond two years ahead', { unavailable: [{ from: '2027-03-10T00:00:00Z', to: '2099-03-12T00:00:00Z' }] }, 'unavailable.0.to'],
      ['a name with a bidi override', { name: 'Anouk \u202Eseirv ed' }, 'name'],
      ['a name of zero-width characters only', { name: '\u200B\u200D\u2060' }, 'name'],
      ['an unknown skill', { skills: ['juggling'] }, 'skills'],
      ['a language that is not an ISO code', { languages: ['dutch'] }, 'languages'],
      ['more than 50 conflicts of interest', { conflictMunicipalityCodes: Array.from({ length: 51 }, (_, i) => `GM${String(i).padStart(4, '0')}`) }, 'conflictMunicipalityCodes'],
      ['a home municipality given as markup', { homeMunicipalityCode: '<script>' }, 'homeMunicipalityCode'],
      ['a home municipality given by name', { homeMunicipalityCode: 'Zutphen' }, 'homeMunicipalityCode'],
      ['a look-alike name, "Zutphеn" with a Cyrillic е', { homeMunicipalityCode: 'Zutph\u0435n' }, 'homeMunicipalityCode'],
      ['a code no municipality has', { homeMunicipalityCode: 'GM9999' }, 'homeMunicipalityCode'],
      ['a conflict given by name', { conflictMunicipalityCodes: ['Delft'] }, 'conflictMunicipalityCodes'],
      ['the old free-text home field', { homeMunicipality: 'Zutphen' }, 'homeMunicipality'],
      ['a phone number that is no phone number', { phone: 'call me' }, 'phone'],
      // Found by the attack on messages: both were stored and reached the mail path.
      ['a phone number with a mail header after a line break', { phone: '+31612345678\r\nBcc: x@y.example' }, 'phone'],
      ['a phone number with an address after it', { phone: '+31612345678@evil.example' }, 'phone'],
      ['an e-mail address with a line break in a quoted part', { email: '"evil\r\nBcc: x@y"@b.example' }, 'email'],
      ['an e-mail address with a quoted part', { email: '"a b"@b.example' }, 'email'],
      ['a language for messages they are not written in', { notificationLanguage: 'de' }, 'notificationLanguage'],
      ['null for the language of messages', { notificationLanguage: null }, 'notificationLanguage'],
      ['null for a list', { skills: null }, 'skills'],
      ['a field that does not exist', { salary: 90_000 }, 'salary'],
    ])('refuses %s with a 400 that names the field, and stores nothing', async (_case, override, field) => {
      const body = anExpertBody(override);

      const response = await api().post('/experts').send(body).expect(400);

      expect(response.body.fields.map((problem: { field: string }) => problem.field)).toContain(field);
      expect(await rowsNamed(body.name)).toBe(0);
    });

    it('accepts a period that starts and ends on the same day, and answers the official name of the home municipality', async () => {
      const expert = await anExpert({
        homeMunicipalityCode: 'GM0796', safetyRegion: 'brabant-noord', languages: ['nl', 'pap'],
        unavailable: [{ from: '2027-05-04T09:00:00+02:00', to: '2027-05-04T17:00:00+02:00' }],
      });

      expect(expert).toMatchObject({ homeMunicipality: { code: 'GM0796', name: "'s-Hertogenbosch" }, languages: ['nl', 'pap'] });
    });
  });

  describe('PATCH /experts/:id', () => {
    it("sets the language of the expert's messages, which a new expert has in Dutch", async () => {
      const expert = await anExpert();

      const response = await api().patch(`/experts/${expert.expertId}`).send({ notificationLanguage: 'en' }).expect(200);

      expect(expert.notificationLanguage).toBe('nl');
      expect(response.body.notificationLanguage).toBe('en');
      expect((await api().get(`/experts/${expert.expertId}`).expect(200)).body.notificationLanguage).toBe('en');
    });

    it('changes only the fields that were sent', async () => {
      const expert = await anExpert();

      const response = await api().patch(`/experts/${expert.expertId}`).send({ capacity: 4, categories: ['INCIDENT'] }).expect(200);

      expect(response.body).toEqual({
        ...expert, capacity: 4, categories: ['INCIDENT'], updatedAt: expect.any(String),
      });
      expect(Date.parse(response.body.updatedAt)).toBeGreaterThan(Date.parse(expert.updatedAt));
    });

    it('clears the phone number when it is sent as null', async () => {
      const expert = await anExpert();

      const response = await api().patch(`/experts/${expert.expertId}`).send({ phone: null }).expect(200);

      expect(response.body.phone).toBeNull();
    });

    it.each([
      ['a capacity of 0', { capacity: 0 }, 'capacity'],
      ['null for the name', { name: null }, 'name'],
      ['an unavailable period that ends before it starts', { unavailable: [{ from: '2027-03-10T00:00:00Z', to: '2027-03-09T00:00:00Z' }] }, 'unavailable.0.to'],
      ['a field that does not exist', { active: false }, 'active'],
    ])('refuses %s with a 400 that names the field, and changes nothing', async (_case, change, field) => {
      const expert = await anExpert();

      const response = await api().patch(`/experts/${expert.expertId}`).send(change).expect(400);

      expect(response.body.fields.map((problem: { field: string }) => problem.field)).toContain(field);
      expect((await api().get(`/experts/${expert.expertId}`).expect(200)).body).toEqual(expert);
    });

    it('refuses an e-mail address that another expert has, with 409', async () => {
      const [expert, other] = [await anExpert(), await anExpert()];

      await api().patch(`/experts/${expert.expertId}`).send({ email: other.email }).expect(409);
    });

    it('answers 404 naming the id for an expert that does not exist', async () => {
      const id = randomUUID();

      const response = await api().patch(`/experts/${id}`).send({ capacity: 3 }).expect(404);

      expect(response.body.message).toContain(id);
    });
  });

  describe('POST /experts/:id/deactivate', () => {
    it('deactivates the expert, and a second call changes nothing', async () => {
      const expert = await anExpert();

      const first = await api().post(`/experts/${expert.expertId}/deactivate`).expect(200);
      const second = await api().post(`/experts/${expert.expertId}/deactivate`).expect(200);

      expect(first.body).toMatchObject({ expertId: expert.expertId, active: false });
      expect(second.body).toEqual(first.body);
    });

    it('answers 404 naming the id for an expert that does not exist', async () => {
      const id = randomUUID();

      const response = await api().post(`/experts/${id}/deactivate`).expect(404);

      expect(response.body.message).toBe(refusalText('expert_not_found', { expertId: id }));
    });
  });

  describe('GET /experts/:id', () => {
    it('shows the expert', async () => {
      const expert = await anExpert();

      expect((await api().get(`/experts/${expert.expertId}`).expect(200)).body).toEqual(expert);
    });

    it('answers 404 naming the id for an expert that does not exist', async () => {
      const id = randomUUID();

      expect((await api().get(`/experts/${id}`).expect(404)).body.reason).toEqual({ code: 'expert_not_found', params: { expertId: id } });
    });

    it('shows the expert asked for with the id in upper case', async () => {
      const expert = await anExpert();

      expect((await api().get(`/experts/${expert.expertId.toUpperCase()}`).expect(200)).body).toEqual(expert);
    });

    it('answers 400 naming the path parameter for an id that is not a UUID', async () => {
      const response = await api().get('/experts/not-a-uuid').expect(400);

      const message = problemText('id', { code: 'not_an_id' });
      expect(response.body.fields).toEqual([{ field: 'id', problems: [message], issues: [{ code: 'not_an_id', params: {}, message }] }]);
    });
  });

  describe('GET /experts', () => {
    // Zeeland is kept for these tests alone, so that every query below sees only these five experts.
    let zeeland: Record<string, ExpertView>;

    beforeAll(async () => {
      zeeland = {};
      for (const [name, categories] of [
        ['Bram Dekker', ['INCIDENT']], ['Anouk de Vries', ['SHELTER_SUPPORT', 'INCIDENT']], ['Eline Visser', ['CITIZEN_MEETING']],
        ['Daan Vermeulen', ['INCIDENT']], ['Cees Kok', ['THREAT_TO_OFFICIAL']],
      ] as const) {
        zeeland[name] = await anExpert({ name, categories, safetyRegion: 'zeeland', homeMunicipalityCode: 'GM0664' });
      }
      await api().post(`/experts/${zeeland['Daan Vermeulen'].expertId}/deactivate`).expect(200);
    });

    const names = (body: { items: ExpertView[] }) => body.items.map((expert) => expert.name);

    it('lists experts in name order, a page at a time, with the total', async () => {
      const first = await api().get('/experts').query({ region: 'zeeland', pageSize: 2 }).expect(200);
      const third = await api().get('/experts').query({ region: 'zeeland', pageSize: 2, page: 3 }).expect(200);

      expect(first.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(names(first.body)).toEqual(['Anouk de Vries', 'Bram Dekker']);
      expect(names(third.body)).toEqual(['Eline Visser']);
    });

    it('filters by category and by whether the expert is active', async () => {
      const incident = await api().get('/experts').query({ region: 'zeeland', category: 'INCIDENT' }).expect(200);
      const activeIncident = await api().get('/experts').query({ region: 'zeeland', category: 'INCIDENT', active: 'true' }).expect(200);
      const inactive = await api().get('/experts').query({ region: 'zeeland', active: 'false' }).expect(200);

      expect(names(incident.body)).toEqual(['Anouk de Vries', 'Bram Dekker', 'Daan Vermeulen']);
      expect(names(activeIncident.body)).toEqual(['Anouk de Vries', 'Bram Dekker']);
      expect(names(inactive.body)).toEqual(['Daan Vermeulen']);
      expect(inactive.body.total).toBe(1);
    });

    it.each([
      ['page', { page: 0 }],
      ['pageSize', { pageSize: 101 }],
      ['pageSize', { pageSize: 'ten' }],
      ['active', { active: 'yes' }],
      ['region', { region: 'atlantis' }],
      ['category', { category: 'FLOOD' }],
    ])('refuses a bad %s with a 400 that names it', async (field, query) => {
      const response = await api().get('/experts').query(query).expect(400);

      expect(response.body.fields.map((problem: { field: string }) => problem.field)).toContain(field);
    });
  });

  describe('the expert directory', () => {
    let sut: ExpertDirectory;

    beforeAll(() => {
      sut = app.app.get<ExpertDirectory>(EXPERT_DIRECTORY);
    });

    async function aCase(stage: string, state: Record<string, unknown>): Promise<void> {
      await db.sql(
        `INSERT INTO cases (case_id, version, stage, risk_level, category, municipality, safety_region, state, last_hash, created_at, updated_at)
         VALUES ($1, 3, $2, 'HIGH', 'CITIZEN_MEETING', 'Zoetermeer', 'haaglanden', $3, $4, now(), now())`,
        [randomUUID(), stage, JSON.stringify(state), 'f'.repeat(64)],
      );
    }

    it('gives every active expert, and no inactive one', async () => {
      const [active, inactive] = [await anExpert(), await anExpert()];
      await api().post(`/experts/${inactive.expertId}/deactivate`).expect(200);

      const ids = (await sut.activeProfiles()).map((profile) => profile.expertId);

      expect(ids).toContain(active.expertId);
      expect(ids).not.toContain(inactive.expertId);
    });

    it('counts the open cases the expert is on, and nothing else', async () => {
      const [expert, colleague] = [await anExpert(), await anExpert()];
      const lead = { expertId: expert.expertId, role: 'lead' };
      const support = { expertId: expert.expertId, role: 'support' };
      await aCase('Preparation', { team: [lead, { expertId: colleague.expertId, role: 'support' }] });
      await aCase('Intervention', { team: [support] });
      await aCase('Closed', { team: [lead] });
      await aCase('Rejected', { team: [lead] });
      await aCase('Cancelled', { team: [lead] });
      await aCase('Matching', { team: [] });
      await aCase('Triage', {});
      await aCase('Accepted', { team: null });

      const profiles = await sut.activeProfiles();

      expect(profiles.find((profile) => profile.expertId === expert.expertId)?.activeCaseCount).toBe(2);
      expect(profiles.find((profile) => profile.expertId === colleague.expertId)?.activeCaseCount).toBe(1);
    });

    it('gives an expert\'s whole profile, also when they are inactive', async () => {
      const expert = await anExpert();
      await api().post(`/experts/${expert.expertId}/deactivate`).expect(200);

      expect(await sut.profile(expert.expertId)).toEqual({
        expertId: expert.expertId,
        name: expert.name,
        categories: expert.categories,
        skills: expert.skills,
        homeMunicipalityCode: expert.homeMunicipality?.code,
        safetyRegion: expert.safetyRegion,
        capacity: expert.capacity,
        activeCaseCount: 0,
        unavailable: expert.unavailable,
        conflictMunicipalityCodes: expert.conflictMunicipalities.map((municipality) => municipality.code),
        languages: expert.languages,
        active: false,
      });
    });

    it('gives null for an expert that does not exist, or an id that is no UUID', async () => {
      expect(await sut.profile(randomUUID())).toBeNull();
      expect(await sut.profile('not-a-uuid')).toBeNull();
    });
  });
});
