import request from 'supertest';
import type { NotificationSettingsView } from '../../src/api-contracts/notification-settings.contract';
import { EXPERT_CONTACTS, type ExpertContacts } from '../../src/expert-directory/expert-contacts.port';
import { ExpertDeactivationModule } from '../../src/expert-deactivation/expert-deactivation.module';
import type { ExpertView } from '../../src/experts/expert.mapper';
import { ExpertsModule } from '../../src/experts/experts.module';
import { NotificationSettingsModule } from '../../src/notification-settings/notification-settings.module';
import { createApiApp, type ApiApp } from '../support/api-app';
import { problemText } from '../support/catalogue-texts';
import { anExpertBody } from '../support/expert-fixtures';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bearer } from '../support/tokens';

const PATH = '/me/notification-preferences';

describe("an expert's notification preferences", () => {
  let db: TestDatabase;
  let sut: ApiApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    sut = await createApiApp(db, { imports: [ExpertsModule, ExpertDeactivationModule, NotificationSettingsModule], caseWorkflows: new FakeCaseWorkflows() });
  });
  afterAll(async () => {
    await sut?.close();
    await db?.drop();
  });

  const coordinator = () => sut.as('coordinator', 'c.jansen');
  const expert = (expertId: string) => {
    const authorization = bearer('expert', expertId);
    return {
      get: () => request(sut.app.getHttpServer()).get(PATH).set('Authorization', authorization),
      put: (body: unknown) => request(sut.app.getHttpServer()).put(PATH).set('Authorization', authorization).send(body as object),
    };
  };

  async function anExpert(overrides: Record<string, unknown> = {}): Promise<ExpertView> {
    return (await coordinator().post('/experts').send(anExpertBody(overrides)).expect(201)).body as ExpertView;
  }

  async function storedPreferences(expertId: string): Promise<{ notification_preferences: unknown; notification_language: string }> {
    const [row] = await db.sql<{ notification_preferences: unknown; notification_language: string }>(
      'SELECT notification_preferences, notification_language FROM experts WHERE expert_id = $1', [expertId]);
    return row;
  }

  describe('GET', () => {
    it('gives e-mail for everything, no quiet hours and Dutch until the expert chooses, and says whether SMS can be chosen', async () => {
      const withPhone = await anExpert();
      const withoutPhone = await anExpert({ phone: null });

      expect((await expert(withPhone.expertId).get().expect(200)).body).toEqual({ channels: {}, quietHours: null, language: 'nl', hasPhone: true });
      expect((await expert(withoutPhone.expertId).get().expect(200)).body.hasPhone).toBe(false);
    });
  });

  describe('PUT', () => {
    it('saves the choice and gives it back, the same on the next read', async () => {
      const { expertId } = await anExpert();
      const choice = {
        channels: { offerMade: ['email', 'sms'], escalationRaised: ['sms'], taskAssigned: ['email'] },
        quietHours: { start: '22:00', end: '07:00' },
        language: 'en',
      };

      const saved = (await expert(expertId).put(choice).expect(200)).body as NotificationSettingsView;

      expect(saved).toEqual({ ...choice, hasPhone: true });
      expect((await expert(expertId).get().expect(200)).body).toEqual(saved);
      expect(await storedPreferences(expertId)).toEqual({
        notification_preferences: { channels: choice.channels, quietHours: choice.quietHours }, notification_language: 'en',
      });
    });

    it('replaces the whole choice, keeping the language when none is sent', async () => {
      const { expertId } = await anExpert({ notificationLanguage: 'en' });
      await expert(expertId).put({ channels: { offerMade: ['sms'] }, quietHours: { start: '23:00', end: '06:30' } }).expect(200);

      const saved = (await expert(expertId).put({ channels: {} }).expect(200)).body as NotificationSettingsView;

      expect(saved).toEqual({ channels: {}, quietHours: null, language: 'en', hasPhone: true });
    });

    it("shows the expert's language to the coordinator, and gives the sender the choice with a number it can text", async () => {
      const { expertId } = await anExpert();
      await expert(expertId).put({ channels: { taskDueSoon: ['sms'] }, quietHours: null, language: 'en' }).expect(200);

      expect((await coordinator().get(`/experts/${expertId}`).expect(200)).body.notificationLanguage).toBe('en');
      expect(await sut.app.get<ExpertContacts>(EXPERT_CONTACTS).contactOf(expertId)).toEqual({
        expertId, name: expect.any(String), email: expect.any(String), phone: '+31620001234', language: 'en', active: true,
        preferences: { channels: { taskDueSoon: ['sms'] }, quietHours: null },
      });
    });

    it.each([
      ['a kind of message Brigade does not know', { channels: { offerMade: ['email'], newsletter: ['email'] } }, 'channels.newsletter', 'unknown_field'],
      ['a channel Brigade does not know', { channels: { offerMade: ['email', 'pigeon'] } }, 'channels.offerMade', 'not_a_choice'],
      ['a channel named twice', { channels: { offerMade: ['sms', 'sms'] } }, 'channels.offerMade', 'duplicates'],
      ['an empty list of channels', { channels: { taskAssigned: [] } }, 'channels.taskAssigned', 'no_channel'],
      ['channels that are no list', { channels: { taskAssigned: 'email' } }, 'channels.taskAssigned', 'not_a_list'],
      ['no channels at all', { quietHours: null }, 'channels', 'required'],
      ['channels that are a list', { channels: [] }, 'channels', 'not_an_object'],
      ['quiet hours that end when they start', { channels: {}, quietHours: { start: '22:00', end: '22:00' } }, 'quietHours.end', 'equals_start'],
      ['quiet hours at a time that does not exist', { channels: {}, quietHours: { start: '24:00', end: '07:00' } }, 'quietHours.start', 'not_a_clock_time'],
      ['quiet hours without an end', { channels: {}, quietHours: { start: '22:00' } }, 'quietHours.end', 'required'],
      ['a language messages are not written in', { channels: {}, language: 'de' }, 'language', 'not_a_choice'],
      ['a field the body does not have', { channels: {}, phone: '+31612345678' }, 'phone', 'unknown_field'],
    ])('refuses %s with a 400 naming the field, and saves nothing', async (_what, body, field, code) => {
      const { expertId } = await anExpert();

      const response = await expert(expertId).put(body).expect(400);

      expect(response.body.fields).toEqual([expect.objectContaining({ field, issues: [expect.objectContaining({ code })] })]);
      expect(await storedPreferences(expertId)).toEqual({ notification_preferences: {}, notification_language: 'nl' });
    });

    it('names the kind and the start in Dutch when the quiet hours end as they start', async () => {
      const { expertId } = await anExpert();

      const response = await expert(expertId).put({ channels: { offerMade: [] }, quietHours: { start: '07:00', end: '07:00' } }).expect(400);

      expect(response.body.message).toBe([
        problemText('channels.offerMade', { code: 'no_channel' }), problemText('quietHours.end', { code: 'equals_start', params: { start: 'start' } }),
      ].join(' '));
      expect(response.body.message).toContain('Aanbod van een zaak');
      expect(response.body.message).toContain('Begin van de stille uren');
    });

    it('refuses SMS for an expert without a phone number, naming each kind that asks for it', async () => {
      const { expertId } = await anExpert({ phone: null });

      const response = await expert(expertId).put({ channels: { offerMade: ['email'], taskAssigned: ['sms'], escalationRaised: ['email', 'sms'] } }).expect(400);

      expect(response.body.fields.map((field: { field: string; issues: Array<{ code: string }> }) => [field.field, field.issues[0].code])).toEqual([
        ['channels.taskAssigned', 'sms_needs_phone'], ['channels.escalationRaised', 'sms_needs_phone'],
      ]);
      expect(response.body.message).toContain('Taak toegewezen');
      expect(await storedPreferences(expertId)).toEqual({ notification_preferences: {}, notification_language: 'nl' });
    });
  });

  describe('who may use them', () => {
    it.each(['coordinator', 'auditor'] as const)('refuses the role %s with 403: only an expert has preferences', async (role) => {
      await request(sut.app.getHttpServer()).get(PATH).set('Authorization', bearer(role, `${role}-1`)).expect(403);
      await request(sut.app.getHttpServer()).put(PATH).set('Authorization', bearer(role, `${role}-1`)).send({ channels: {} }).expect(403);
    });

    it('refuses a request without a token with 401', async () => {
      await request(sut.app.getHttpServer()).get(PATH).expect(401);
      await request(sut.app.getHttpServer()).put(PATH).send({ channels: {} }).expect(401);
    });

    it('refuses a deactivated expert as every /me route does, with 401 expert_deactivated, and saves nothing', async () => {
      const { expertId } = await anExpert();
      await coordinator().post(`/experts/${expertId}/deactivate`).expect(200);

      for (const call of [() => expert(expertId).get(), () => expert(expertId).put({ channels: { offerMade: ['sms'] } })]) {
        expect((await call().expect(401)).body).toMatchObject({ code: 'expert_deactivated', reason: { code: 'expert_deactivated' } });
      }
      expect(await storedPreferences(expertId)).toEqual({ notification_preferences: {}, notification_language: 'nl' });
    });
  });
});
