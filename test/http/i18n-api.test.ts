import { randomUUID } from 'node:crypto';
import { CasesModule } from '../../src/cases/cases.module';
import { ExpertsModule } from '../../src/experts/experts.module';
import { createApiApp, type ApiApp } from '../support/api-app';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const A_REQUEST = { category: 'CITIZEN_MEETING', municipalityCode: 'GM0637', requesterRole: 'mayor', description: 'Inspraakavond', indicators: {} };
const BAD_REQUEST = { ...A_REQUEST, municipalityCode: '', description: 'x'.repeat(5001), indicators: { expectedAttendance: -1 } };

/** The codes of a refusal's field problems, field by field: what stays the same in every language. */
const codesOf = (body: { fields: Array<{ field: string; issues: Array<{ code: string; params: object }> }> }) =>
  body.fields.map(({ field, issues }) => ({ field, issues: issues.map(({ code, params }) => ({ code, params })) }));

describe('the language of the API\'s answers', () => {
  let db: TestDatabase;
  let app: ApiApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApp(db, { imports: [CasesModule, ExpertsModule], caseWorkflows: new FakeCaseWorkflows() });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const coordinator = () => app.as('coordinator', 'c.jansen');
  const register = (language?: string) => {
    const call = coordinator().post('/cases');
    return (language === undefined ? call : call.set('Accept-Language', language)).send(BAD_REQUEST).expect(400);
  };

  describe('when a registration has a missing municipality, a description too long and a negative attendance', () => {
    it('answers the same codes and parameters in Dutch and English, with each message in its language', async () => {
      const dutch = (await register('nl')).body;
      const english = (await register('en')).body;

      expect(codesOf(english)).toEqual(codesOf(dutch));
      expect(codesOf(dutch)).toEqual([
        { field: 'municipalityCode', issues: [{ code: 'required', params: {} }] },
        { field: 'description', issues: [{ code: 'too_long', params: { max: 5000 } }] },
        { field: 'indicators.expectedAttendance', issues: [{ code: 'too_small', params: { min: 0 } }] },
      ]);
      expect(dutch.fields.map((field: { problems: string[] }) => field.problems)).toEqual([
        ['Gemeente is verplicht.'], ['Omschrijving van de situatie mag hoogstens 5000 tekens lang zijn.'], ['Verwacht aantal aanwezigen moet minstens 0 zijn.'],
      ]);
      expect(english.fields.map((field: { problems: string[] }) => field.problems)).toEqual([
        ['Municipality is required.'], ['Description of the situation may be at most 5000 characters long.'], ['Expected attendance must be at least 0.'],
      ]);
      expect(english.fields[0].issues[0].message).toBe('Municipality is required.');
      expect(dutch).toMatchObject({ statusCode: 400, code: 'invalid_input', reason: { code: 'invalid_input', params: {} } });
      expect(dutch.message).toBe('Gemeente is verplicht. Omschrijving van de situatie mag hoogstens 5000 tekens lang zijn. Verwacht aantal aanwezigen moet minstens 0 zijn.');
    });

    it.each([
      ['no Accept-Language', undefined, 'Gemeente is verplicht.'],
      ['en-GB', 'en-GB', 'Municipality is required.'],
      ['en-US with a quality', 'en-US,en;q=0.9', 'Municipality is required.'],
      ['French', 'fr-FR,fr;q=0.9', 'Gemeente is verplicht.'],
      ['a preference for German over English', 'de, en;q=0.5', 'Municipality is required.'],
      ['English with weight 0, not acceptable', 'en;q=0', 'Gemeente is verplicht.'],
      ['English with a weight that is not a number', 'en;q=abc', 'Gemeente is verplicht.'],
      ['Dutch weighed below English', 'nl;q=0.1, en;q=0.9', 'Municipality is required.'],
      ['any language at all', '*', 'Gemeente is verplicht.'],
      ['French, else English', 'fr, en;q=0.5', 'Municipality is required.'],
    ])('answers %s in the language it asks for, or Dutch', async (_what, language, message) => {
      const body = (await register(language)).body;

      expect(body.fields[0].problems).toEqual([message]);
    });
  });

  describe('when an auditor asks for the expert pool', () => {
    it.each([
      ['nl', 'Met de rol auditor mag u GET /experts niet gebruiken; dit is voor: coördinator.'],
      ['en', 'With the role auditor you may not use GET /experts; it is for: coordinator.'],
    ])('refuses with 403 role_not_allowed, in plain words (%s)', async (language, message) => {
      const response = await app.as('auditor', 'a.visser').get('/experts').set('Accept-Language', language).expect(403);

      expect(response.body).toEqual({
        statusCode: 403, code: 'forbidden', message,
        reason: { code: 'role_not_allowed', params: { role: 'auditor', route: 'GET /experts', allowed: 'coordinator' } }, fields: [],
      });
      expect(response.body.message).not.toMatch(/\ba auditor\b/i);
    });
  });

  describe('when a problem is named, it is the problem the person made', () => {
    const problemsOf = (body: { fields: Array<{ field: string; issues: Array<{ code: string; params: object; message: string }> }> }) =>
      body.fields.map(({ field, issues }) => ({ field, issues }));

    it('calls a negative page too small, not something other than a whole number', async () => {
      const { body } = await coordinator().get('/cases?page=-1').expect(400);

      expect(problemsOf(body)).toEqual([{ field: 'page', issues: [{ code: 'too_small', params: { min: 1 }, message: 'Pagina moet minstens 1 zijn.' }] }]);
    });

    it('calls a blank optional note blank, not required', async () => {
      const { body } = await coordinator().post(`/cases/${randomUUID()}/assignments`).send({ expertId: randomUUID(), note: ' \u200b ' }).expect(400);

      expect(problemsOf(body)).toEqual([{ field: 'note', issues: [{
        code: 'blank', params: {}, message: 'Toelichting mag niet leeg zijn of alleen spaties of onzichtbare tekens bevatten; vul iets in of laat het weg.',
      }] }]);
    });

    it('names the safety region that fits by its name, and by its slug in the parameters', async () => {
      const { body } = await coordinator().post('/cases').set('Accept-Language', 'en')
        .send({ ...A_REQUEST, municipalityCode: 'GM0301', safetyRegion: 'twente' }).expect(400);

      expect(problemsOf(body)).toEqual([{ field: 'safetyRegion', issues: [{
        code: 'wrong_region', params: { region: 'Noord- en Oost-Gelderland', regionCode: 'noord-en-oost-gelderland' },
        message: 'Safety region must be the safety region of the chosen municipality (Noord- en Oost-Gelderland), or be left empty.',
      }] }]);
    });
  });

  it('answers a route that does not exist with the text of its status in the language asked for', async () => {
    const dutch = await coordinator().get('/no-such-route').expect(404);
    const english = await coordinator().get('/no-such-route').set('Accept-Language', 'en').expect(404);

    expect(dutch.body).toMatchObject({ code: 'not_found', message: 'Dit bestaat niet.', reason: { code: 'not_found' } });
    expect(english.body).toMatchObject({ code: 'not_found', message: 'This does not exist.', reason: { code: 'not_found' } });
  });
});
