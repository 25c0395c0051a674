import { randomUUID } from 'node:crypto';
import type { ChangeActor, PartnerContactFields, PartnerContactStore } from '../partner-contacts/partner-contact-store.port';
import { PartnerContactTakenError } from '../partner-contacts/partner-contact-store.errors';
import { demoPartnerContacts } from './demo-partner-contacts';

/** The seed command, as the maker recorded on the contact points it adds. */
export const SEED_ACTOR: ChangeActor = { role: 'system', id: 'brigade-seed', name: null };

/** What a seed run did: contact points added, and ones skipped because they or another were already there. */
export interface PartnerSeedResult {
  readonly created: number;
  readonly skipped: number;
}

/**
 * Adds the demo contact points (or the given ones), each recorded as a change by the seed command. One is skipped when
 * its partner and region already have an active contact point, or when it was added before and since deactivated: a
 * coordinator's deactivation is not undone by seeding again.
 */
export async function seedPartnerContacts(store: PartnerContactStore, contacts: readonly PartnerContactFields[] = demoPartnerContacts()): Promise<PartnerSeedResult> {
  const existing = await store.list({});
  let created = 0;
  for (const contact of contacts) {
    const sameSlot = existing.filter((other) => other.partner === contact.partner && other.safetyRegion === contact.safetyRegion);
    if (sameSlot.some((other) => other.active || sameAddress(other.email, contact.email))) continue;
    try {
      await store.create(randomUUID(), contact, SEED_ACTOR);
      created += 1;
    } catch (error) {
      // Another seed (or a coordinator) filled the slot since the list was read.
      if (!(error instanceof PartnerContactTakenError)) throw error;
    }
  }
  return { created, skipped: contacts.length - created };
}

function sameAddress(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}
