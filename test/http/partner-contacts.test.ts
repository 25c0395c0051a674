import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { PartnerContactDetail, PartnerContactView } from '../../src/api-contracts/partner-contacts.contract';
import type { UserRole } from '../../src/domain/user-role';
import { safetyRegionName } from '../../src/domain/places/place-register';
import { PartnerDirectoryModule } from '../../src/partner-directory/partner-directory.module';
import { createApiApp, type ApiApp } from '../support/api-app';
import { problemText, refusalText } from '../support/catalogue-texts';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import { registerPoolExperts } from '../support/pool-experts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bearer } from '../support/tokens';
import { openTestSession } from '../support/web-sessions';

/** A valid `POST /partner-contacts` body for a region of its own, so no two tests compete for one slot. */
function aContactBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    partner: 'police', safetyRegion: 'utrecht', name: `Politie Midden-Nederland ${randomUUID().slice(0, 8)}`,
    email: `meldpunt-${randomUUID()}@politie.example`, phone: '+3197010000011', language: 'nl', ...overrides,
  };
}

describe('the partner directory routes', () => {
  const expertId = randomUUID();
  let db: TestDatabase;
  let sut: ApiApp;
  // Each test takes a partner and region of its own, so that one active contact point per slot never makes two tests collide;
  // the tests that name their slot use regions not in this list.
  const slots = ['COA', 'police', 'NCTV'].flatMap((partner) => ['groningen', 'fryslan', 'drenthe', 'ijsselland', 'twente', 'utrecht',
    'zeeland', 'haaglanden', 'kennemerland', 'limburg-noord', 'gelderland-zuid', 'hollands-midden'].map((safetyRegion) => ({ partner, safetyRegion })));
  const slotsTaken = new Set<string>();
  const freeSlot = () => {
    const slot = slots.find(({ partner, safetyRegion }) => !slotsTaken.has(`${partner}/${safetyRegion}`))!;
    slotsTaken.add(`${slot.partner}/${slot.safetyRegion}`);
    return slot;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await registerPoolExperts(db, expertId);
    sut = await createApiApp(db, { imports: [PartnerDirectoryModule], caseWorkflows: new FakeCaseWorkflows() });
  });
  afterAll(async () => {
    await sut?.close();
    await db?.drop();
  });

  const as = (role: UserRole, subject = role === 'expert' ? expertId : `${role}-1`) => {
    const authorization = bearer(role, subject);
    const server = sut.app.getHttpServer();
    return {
      get: (path: string) => request(server).get(path).set('Authorization', authorization),
      post: (path: string) => request(server).post(path).set('Authorization', authorization),
      patch: (path: string) => request(server).patch(path).set('Authorization', authorization),
      delete: (path: string) => request(server).delete(path).set('Authorization', authorization),
    };
  };
  const coordinator = () => as('coordinator', 'c.jansen');

  async function aContact(overrides: Record<string, unknown> = {}): Promise<PartnerContactDetail> {
    const response = await coordinator().post('/partner-contacts').send(aContactBody({ ...freeSlot(), ...overrides })).expect(201);
    return response.body as PartnerContactDetail;
  }

  async function changeRows(contactId: string) {
    return db.sql<{ action: string; version: number; actor_role: string; actor_id: string; actor_name: string | null; changes: unknown }>(
      'SELECT action, version, actor_role, actor_id, actor_name, changes FROM partner_contact_changes WHERE contact_id = $1 ORDER BY change_id', [contactId]);
  }

  describe('who may call them', () => {
    const someId = randomUUID();
    const reads = [['GET', '/partner-contacts'], ['GET', `/partner-contacts/${someId}`]] as const;
    const writes = [['POST', '/partner-contacts'], ['PATCH', `/partner-contacts/${someId}`], ['DELETE', `/partner-contacts/${someId}`]] as const;
    const send = (method: string, path: string, role?: UserRole) => {
      const pending = request(sut.app.getHttpServer())[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](path);
      return role ? pending.set('Authorization', bearer(role, role === 'expert' ? expertId : `${role}-1`)) : pending;
    };

    it.each([...reads, ...writes])('refuses %s %s without a token with 401', async (method, path) => {
      await send(method, path).expect(401);
    });

    it.each([...reads, ...writes])('refuses %s %s to an expert with 403', async (method, path) => {
      const response = await send(method, path, 'expert').expect(403);
      expect(response.body.reason.code).toBe('role_not_allowed');
    });

    it.each(writes)('refuses %s %s to an auditor with 403: auditors only read', async (method, path) => {
      const response = await send(method, path, 'auditor').expect(403);
      expect(response.body.reason).toMatchObject({ code: 'role_not_allowed', params: { role: 'auditor' } });
    });

    it('lets an auditor and a coordinator read the list and a contact point', async () => {
      const contact = await aContact();
      for (const role of ['auditor', 'coordinator'] as const) {
        await send('GET', '/partner-contacts', role).expect(200);
        const response = await send('GET', `/partner-contacts/${contact.contactId}`, role).expect(200);
        expect(response.body.contactId).toBe(contact.contactId);
      }
    });
  });

  describe('POST /partner-contacts', () => {
    it('adds an active contact point at version 1, with its creation recorded', async () => {
      const body = aContactBody(freeSlot());

      const response = await coordinator().post('/partner-contacts').send(body).expect(201);

      expect(response.body).toEqual({
        ...body, contactId: expect.stringMatching(/^[0-9a-f-]{36}$/), active: true, version: 1,
        createdAt: expect.any(String), updatedAt: expect.any(String),
        history: [{
          changeId: expect.any(String), action: 'created', version: 1, occurredAt: expect.any(String),
          actor: { role: 'coordinator', id: 'c.jansen', name: null },
          changes: {
            partner: { from: null, to: body.partner }, safetyRegion: { from: null, to: body.safetyRegion }, name: { from: null, to: body.name },
            email: { from: null, to: body.email }, phone: { from: null, to: body.phone }, language: { from: null, to: 'nl' },
          },
        }],
      });
    });

    it('makes a national desk of a contact point without a region, in Dutch unless told otherwise', async () => {
      // The only test that makes a desk of COA.
      const { safetyRegion: _region, language: _language, ...body } = aContactBody({ partner: 'COA' });

      const response = await coordinator().post('/partner-contacts').send(body).expect(201);

      expect(response.body).toMatchObject({ safetyRegion: null, language: 'nl' });
      expect(response.body.history[0].changes).not.toHaveProperty('safetyRegion');
    });

    it('takes a phone number alone, or an e-mail address alone', async () => {
      const phoneOnly = await aContact({ email: null });
      const { phone: _phone, ...emailOnly } = aContactBody(freeSlot());

      expect(phoneOnly).toMatchObject({ email: null, phone: '+3197010000011' });
      expect((await coordinator().post('/partner-contacts').send(emailOnly).expect(201)).body.phone).toBeNull();
    });

    it('refuses a contact point with neither an e-mail address nor a phone number, naming the e-mail field', async () => {
      const response = await coordinator().post('/partner-contacts').send(aContactBody({ ...freeSlot(), email: null, phone: null })).expect(400);

      expect(response.body.fields).toEqual([{ field: 'email', problems: [problemText('email', { code: 'email_or_phone' })], issues: [expect.objectContaining({ code: 'email_or_phone' })] }]);
    });

    it.each([
      ['an e-mail address with a line break in it', { email: '"a\r\nBcc: x@y.example"@politie.example' }, 'email', 'invisible_characters'],
      ['an e-mail address that is none', { email: 'meldpunt at politie' }, 'email', 'not_an_email'],
      ['a Dutch number without its country code', { phone: '0612345678' }, 'phone', 'not_an_international_phone_number'],
      ['a number with spaces', { phone: '+31 6 1234 5678' }, 'phone', 'not_an_international_phone_number'],
      ['an unknown partner', { partner: 'OM' }, 'partner', 'not_a_choice'],
      ['an unknown safety region', { safetyRegion: 'atlantis' }, 'safetyRegion', 'not_a_choice'],
      ['a language the messages are not written in', { language: 'de' }, 'language', 'not_a_choice'],
      ['a name of 10 KB', { name: 'x'.repeat(10_240) }, 'name', 'too_long'],
      ['a blank name', { name: ' \u200b ' }, 'name', 'required'],
      ['a name with a control character', { name: 'Politie\u0007' }, 'name', 'invisible_characters'],
      ['a field the body does not have', { actorId: 'someone-else' }, 'actorId', 'unknown_field'],
    ])('refuses %s with a 400 that names the field, and stores nothing', async (_what, overrides, field, code) => {
      const body = aContactBody(overrides);

      const response = await coordinator().post('/partner-contacts').send(body).expect(400);

      expect(response.body.fields).toEqual([expect.objectContaining({ field, issues: [expect.objectContaining({ code })] })]);
      const [{ count }] = await db.sql<{ count: number }>('SELECT count(*)::int AS count FROM partner_contacts WHERE name = $1', [String(body.name)]);
      expect(count).toBe(0);
    });

    it('refuses a second active contact point for the same partner and region with 409 naming the one there is', async () => {
      const first = await aContact();
      const second = aContactBody({ partner: first.partner, safetyRegion: first.safetyRegion });

      const response = await coordinator().post('/partner-contacts').send(second).expect(409);

      const region = safetyRegionName(first.safetyRegion!);
      expect(response.body.reason).toEqual({
        code: 'partner_contact_taken', params: { partner: first.partner, region, regionCode: first.safetyRegion, name: first.name, contactId: first.contactId },
      });
      expect(response.body.message).toBe(refusalText('partner_contact_taken', { partner: first.partner, region, name: first.name, contactId: first.contactId }));
      const [{ count }] = await db.sql<{ count: number }>('SELECT count(*)::int AS count FROM partner_contacts WHERE name = $1', [String(second.name)]);
      expect(count).toBe(0);
    });

    it('refuses a second national desk of a partner with 409 naming the desk there is', async () => {
      // The only test that makes a desk of the NCTV.
      const desk = await coordinator().post('/partner-contacts').send(aContactBody({ partner: 'NCTV', safetyRegion: null })).expect(201);

      const response = await coordinator().post('/partner-contacts').send(aContactBody({ partner: 'NCTV', safetyRegion: null })).expect(409);

      expect(response.body.reason).toEqual({ code: 'partner_desk_taken', params: { partner: 'NCTV', name: desk.body.name, contactId: desk.body.contactId } });
    });

    it('takes a new contact point for a slot whose contact point was deactivated', async () => {
      const old = await aContact();
      await coordinator().delete(`/partner-contacts/${old.contactId}`).expect(200);

      await coordinator().post('/partner-contacts').send(aContactBody({ partner: old.partner, safetyRegion: old.safetyRegion })).expect(201);
    });

    it('records the maker from the session, with the name the provider gave, and not from the body', async () => {
      const session = await openTestSession(sut.app, 'coordinator', 'c.de-boer');

      const response = await request(sut.app.getHttpServer()).post('/partner-contacts').set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken)
        .send(aContactBody(freeSlot())).expect(201);

      expect(await changeRows(response.body.contactId)).toEqual([expect.objectContaining({
        action: 'created', version: 1, actor_role: 'coordinator', actor_id: 'c.de-boer', actor_name: 'Test coordinator',
      })]);
    });
  });

  describe('PATCH /partner-contacts/:id', () => {
    it('changes the fields sent, moves the version on and records old and new values with the maker', async () => {
      const contact = await aContact();

      const response = await as('coordinator', 'c.visser').patch(`/partner-contacts/${contact.contactId}`)
        .send({ version: 1, email: 'nieuw@politie.example', phone: null, language: 'en' }).expect(200);

      expect(response.body).toMatchObject({ version: 2, email: 'nieuw@politie.example', phone: null, language: 'en', name: contact.name });
      expect(response.body.history.map((change: { action: string }) => change.action)).toEqual(['created', 'updated']);
      expect((await changeRows(contact.contactId))[1]).toEqual({
        action: 'updated', version: 2, actor_role: 'coordinator', actor_id: 'c.visser', actor_name: null,
        changes: { email: { from: contact.email, to: 'nieuw@politie.example' }, phone: { from: contact.phone, to: null }, language: { from: 'nl', to: 'en' } },
      });
    });

    it('refuses a change made on an older version with 409, and changes nothing', async () => {
      const contact = await aContact();
      await coordinator().patch(`/partner-contacts/${contact.contactId}`).send({ version: 1, name: 'Eerste wijziging' }).expect(200);

      const response = await coordinator().patch(`/partner-contacts/${contact.contactId}`).send({ version: 1, name: 'Tweede wijziging' }).expect(409);

      expect(response.body.reason).toEqual({ code: 'partner_contact_stale', params: { contactId: contact.contactId, version: 1, currentVersion: 2 } });
      const current = (await coordinator().get(`/partner-contacts/${contact.contactId}`).expect(200)).body as PartnerContactDetail;
      expect({ name: current.name, version: current.version, changes: current.history.length }).toEqual({ name: 'Eerste wijziging', version: 2, changes: 2 });
    });

    it('records nothing, and keeps the version, when the body changes nothing', async () => {
      const contact = await aContact();

      const response = await coordinator().patch(`/partner-contacts/${contact.contactId}`).send({ version: 1, name: contact.name }).expect(200);

      expect(response.body.version).toBe(1);
      expect(await changeRows(contact.contactId)).toHaveLength(1);
    });

    it('refuses to clear the last way to reach the contact point, naming the e-mail field', async () => {
      const contact = await aContact({ phone: null });

      const response = await coordinator().patch(`/partner-contacts/${contact.contactId}`).send({ version: 1, email: null }).expect(400);

      expect(response.body.fields[0]).toMatchObject({ field: 'email', issues: [{ code: 'email_or_phone' }] });
    });

    it.each([
      ['without a version', {}, 'version', 'required'],
      ['with a version that is no whole number', { version: 'one' }, 'version', 'not_a_whole_number'],
      // Found by the attack: 1e300 is a whole number to JavaScript, and was answered as a stale version.
      ['with a version no database integer holds', { version: 1e300, name: 'Q' }, 'version', 'too_large'],
      ['moving it to another partner', { version: 1, partner: 'COA' }, 'partner', 'unknown_field'],
      ['moving it to another region', { version: 1, safetyRegion: 'zeeland' }, 'safetyRegion', 'unknown_field'],
      ['with a null name', { version: 1, name: null }, 'name', 'blank'],
      ['with a phone number in national form', { version: 1, phone: '0612345678' }, 'phone', 'not_an_international_phone_number'],
      ['naming another maker', { version: 1, actor: { role: 'coordinator', id: 'someone-else' } }, 'actor', 'unknown_field'],
    ])('refuses a change %s with a 400 that names the field', async (_what, body, field, code) => {
      const contact = await aContact();

      const response = await coordinator().patch(`/partner-contacts/${contact.contactId}`).send(body).expect(400);

      expect(response.body.fields).toEqual([expect.objectContaining({ field, issues: [expect.objectContaining({ code })] })]);
      expect(await changeRows(contact.contactId)).toHaveLength(1);
    });

    it('refuses to change a deactivated contact point with 409', async () => {
      const contact = await aContact();
      await coordinator().delete(`/partner-contacts/${contact.contactId}`).expect(200);

      const response = await coordinator().patch(`/partner-contacts/${contact.contactId}`).send({ version: 2, name: 'Te laat' }).expect(409);

      expect(response.body.reason.code).toBe('partner_contact_inactive');
    });

    it('answers 404 for a contact point that does not exist, and 400 for an id that is none', async () => {
      const missing = randomUUID();
      expect((await coordinator().patch(`/partner-contacts/${missing}`).send({ version: 1, name: 'X' }).expect(404)).body.reason)
        .toEqual({ code: 'partner_contact_not_found', params: { contactId: missing } });
      expect((await coordinator().patch('/partner-contacts/not-an-id').send({ version: 1 }).expect(400)).body.fields[0].field).toBe('id');
    });
  });

  describe('DELETE /partner-contacts/:id', () => {
    it('deactivates the contact point, keeps it with its history and records who did it', async () => {
      const contact = await aContact();

      const response = await as('coordinator', 'c.bakker').delete(`/partner-contacts/${contact.contactId}`).expect(200);

      expect(response.body).toMatchObject({ contactId: contact.contactId, active: false, version: 2 });
      expect((await changeRows(contact.contactId))[1]).toEqual({
        action: 'deactivated', version: 2, actor_role: 'coordinator', actor_id: 'c.bakker', actor_name: null, changes: { active: { from: true, to: false } },
      });
    });

    it('refuses to deactivate a contact point twice with 409', async () => {
      const contact = await aContact();
      await coordinator().delete(`/partner-contacts/${contact.contactId}`).expect(200);

      const response = await coordinator().delete(`/partner-contacts/${contact.contactId}`).expect(409);

      expect(response.body).toMatchObject({ code: 'conflict', reason: { code: 'partner_contact_inactive', params: { contactId: contact.contactId } } });
      expect(await changeRows(contact.contactId)).toHaveLength(2);
    });

    it('answers 404 for a contact point that does not exist', async () => {
      await coordinator().delete(`/partner-contacts/${randomUUID()}`).expect(404);
    });
  });

  describe('GET /partner-contacts', () => {
    it('filters by partner, region (national for the desks) and standing', async () => {
      const active = await aContact({ partner: 'COA', safetyRegion: 'flevoland' });
      const inactive = await aContact({ partner: 'COA', safetyRegion: 'zuid-limburg' });
      const desk = await coordinator().post('/partner-contacts').send(aContactBody({ partner: 'police', safetyRegion: null })).expect(201);
      await coordinator().delete(`/partner-contacts/${inactive.contactId}`).expect(200);

      const ids = async (query: string) => ((await coordinator().get(`/partner-contacts${query}`).expect(200)).body as PartnerContactView[]).map((c) => c.contactId);

      expect(await ids('?partner=COA&safetyRegion=flevoland')).toEqual([active.contactId]);
      expect(await ids('?partner=COA&active=false')).toContain(inactive.contactId);
      expect(await ids('?partner=COA&active=false')).not.toContain(active.contactId);
      const desks = (await coordinator().get('/partner-contacts?safetyRegion=national').expect(200)).body as PartnerContactView[];
      expect(desks.map((contact) => contact.contactId)).toContain(desk.body.contactId);
      expect(desks.every((contact) => contact.safetyRegion === null)).toBe(true);
    });

    it.each([
      ['partner', 'OM'], ['safetyRegion', 'atlantis'], ['active', 'yes'],
    ])('refuses an unknown %s with a 400 that names it', async (field, value) => {
      const response = await coordinator().get(`/partner-contacts?${field}=${value}`).expect(400);
      expect(response.body.fields[0].field).toBe(field);
    });
  });
});
