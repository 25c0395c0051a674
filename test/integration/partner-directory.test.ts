import { randomUUID } from 'node:crypto';
import type { Partner } from '../../src/domain/notifications/notification-kinds';
import { PartnerContactTakenError } from '../../src/partner-contacts/partner-contact-store.errors';
import type { PartnerContactFields } from '../../src/partner-contacts/partner-contact-store.port';
import { PostgresPartnerContactStore } from '../../src/partner-contacts/postgres-partner-contact-store';
import { PostgresPartnerDirectory } from '../../src/partner-contacts/postgres-partner-directory';
import { demoPartnerContacts } from '../../src/partner-directory/demo-partner-contacts';
import { SEED_ACTOR, seedPartnerContacts } from '../../src/partner-directory/seed-partner-contacts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ACTOR = { role: 'coordinator', id: 'c.jansen', name: 'C. Jansen' };

function contact(partner: Partner, safetyRegion: PartnerContactFields['safetyRegion'], name: string): PartnerContactFields {
  return { partner, safetyRegion, name, email: `${randomUUID()}@partner.example`, phone: null, language: 'nl' };
}

describe('the partner directory in PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresPartnerContactStore;
  let sut: PostgresPartnerDirectory;

  // Each test counts or looks up whole slots, so each gets a database of its own.
  beforeEach(async () => {
    db = await createTestDatabase();
    store = new PostgresPartnerContactStore(db.dataSource);
    sut = new PostgresPartnerDirectory(db.dataSource);
  });
  afterEach(() => db.drop());

  describe('contactPointFor', () => {
    it("gives the region's own active contact point before the national desk", async () => {
      await store.create(randomUUID(), contact('police', null, 'Landelijke desk'), ACTOR);
      const regional = await store.create(randomUUID(), { ...contact('police', 'utrecht', 'Eenheid Midden-Nederland'), phone: '+3197010000011' }, ACTOR);

      expect(await sut.contactPointFor('police', 'utrecht')).toEqual({
        contactId: regional.contactId, partner: 'police', safetyRegion: 'utrecht', name: 'Eenheid Midden-Nederland',
        email: regional.email, phone: '+3197010000011', language: 'nl',
      });
    });

    it('falls back to the national desk for a region without a contact point, and for no region at all', async () => {
      await store.create(randomUUID(), contact('police', 'utrecht', 'Eenheid Midden-Nederland'), ACTOR);
      await store.create(randomUUID(), contact('police', null, 'Landelijke desk'), ACTOR);

      expect((await sut.contactPointFor('police', 'zeeland'))?.name).toBe('Landelijke desk');
      expect((await sut.contactPointFor('police', null))?.name).toBe('Landelijke desk');
      expect((await sut.contactPointFor('police', undefined))?.name).toBe('Landelijke desk');
      expect((await sut.contactPointFor('police', 'no-such-region'))?.name).toBe('Landelijke desk');
    });

    it('ignores a deactivated regional contact point and reaches the national desk instead', async () => {
      const regional = await store.create(randomUUID(), contact('COA', 'groningen', 'COA Noord'), ACTOR);
      await store.create(randomUUID(), contact('COA', null, 'COA Landelijk'), ACTOR);
      await store.deactivate(regional.contactId, ACTOR);

      expect((await sut.contactPointFor('COA', 'groningen'))?.name).toBe('COA Landelijk');
    });

    it('gives nothing when the region and the desk are both deactivated, or the partner has none', async () => {
      const regional = await store.create(randomUUID(), contact('NCTV', 'haaglanden', 'NCTV Den Haag'), ACTOR);
      const desk = await store.create(randomUUID(), contact('NCTV', null, 'NCTV Landelijk'), ACTOR);
      await store.deactivate(regional.contactId, ACTOR);
      await store.deactivate(desk.contactId, ACTOR);

      expect(await sut.contactPointFor('NCTV', 'haaglanden')).toBeUndefined();
      expect(await sut.contactPointFor('COA', 'haaglanden')).toBeUndefined();
    });

    it("never gives another partner's contact point", async () => {
      await store.create(randomUUID(), contact('COA', 'utrecht', 'COA Midden'), ACTOR);

      expect(await sut.contactPointFor('police', 'utrecht')).toBeUndefined();
    });
  });

  describe('the store', () => {
    it('lets only one of two simultaneous additions to one slot in, and records only that one', async () => {
      const results = await Promise.allSettled([
        store.create(randomUUID(), contact('police', 'twente', 'Eerste'), ACTOR),
        store.create(randomUUID(), contact('police', 'twente', 'Tweede'), ACTOR),
      ]);

      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: expect.any(PartnerContactTakenError) });
      const [{ contacts, changes }] = await db.sql<{ contacts: number; changes: number }>(
        'SELECT (SELECT count(*)::int FROM partner_contacts) AS contacts, (SELECT count(*)::int FROM partner_contact_changes) AS changes');
      expect({ contacts, changes }).toEqual({ contacts: 1, changes: 1 });
    });

    it('keeps the record of changes as it was written: the database refuses to rewrite it', async () => {
      const created = await store.create(randomUUID(), contact('COA', 'drenthe', 'COA Drenthe'), ACTOR);

      await expect(db.sql("UPDATE partner_contact_changes SET actor_id = 'someone-else' WHERE contact_id = $1", [created.contactId])).rejects.toThrow();
      await expect(db.dataSource.query('DELETE FROM partner_contact_changes WHERE contact_id = $1', [created.contactId])).rejects.toThrow();
    });
  });

  describe('seeding the demo contact points', () => {
    it('adds a national desk for each partner and regional police contact points, recorded as changes by the seed command', async () => {
      const demo = demoPartnerContacts();

      expect(await seedPartnerContacts(store)).toEqual({ created: demo.length, skipped: 0 });

      const rows = await db.sql<{ partner: string; safety_region: string | null; actor_role: string; actor_id: string; action: string }>(`
        SELECT c.partner, c.safety_region, h.actor_role, h.actor_id, h.action
        FROM partner_contacts c JOIN partner_contact_changes h USING (contact_id) WHERE c.active`);
      expect(rows).toHaveLength(demo.length);
      expect(rows.filter((row) => row.safety_region === null).map((row) => row.partner).sort()).toEqual(['COA', 'NCTV', 'police']);
      expect(rows.filter((row) => row.safety_region !== null).every((row) => row.partner === 'police')).toBe(true);
      expect(new Set(rows.map((row) => `${row.action} by ${row.actor_role}:${row.actor_id}`))).toEqual(new Set([`created by system:${SEED_ACTOR.id}`]));
      for (const { email, phone } of demo) {
        expect(email).toMatch(/@([a-z-]+\.example|brigade\.local)$/);
        if (phone !== null) expect(phone).toMatch(/^\+3197\d{9}$/);
      }
    });

    it('adds nothing the second time', async () => {
      await seedPartnerContacts(store);

      expect(await seedPartnerContacts(store)).toEqual({ created: 0, skipped: demoPartnerContacts().length });
      const [{ count }] = await db.sql<{ count: number }>('SELECT count(*)::int AS count FROM partner_contact_changes');
      expect(count).toBe(demoPartnerContacts().length);
    });

    it('skips a slot a coordinator filled, and does not bring back a demo contact point a coordinator deactivated', async () => {
      const [, policeDesk] = demoPartnerContacts();
      const own = await store.create(randomUUID(), contact('COA', null, 'Eigen COA-desk'), ACTOR);
      const seeded = await store.create(randomUUID(), policeDesk, SEED_ACTOR);
      await store.deactivate(seeded.contactId, ACTOR);

      const result = await seedPartnerContacts(store);

      expect(result).toEqual({ created: demoPartnerContacts().length - 2, skipped: 2 });
      expect((await sut.contactPointFor('COA', null))?.contactId).toBe(own.contactId);
      expect(await sut.contactPointFor('police', null)).toBeUndefined();
    });
  });
});
