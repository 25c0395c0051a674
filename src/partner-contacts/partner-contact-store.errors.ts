import type { PartnerContactRecord } from './partner-contact-store.port';

/** Thrown when no contact point has the id. */
export class PartnerContactNotFoundError extends Error {
  constructor(readonly contactId: string) {
    super(`partner contact ${contactId} does not exist`);
    this.name = 'PartnerContactNotFoundError';
  }
}

/** Thrown when a write would give a partner a second active contact point in one region (or a second national desk). */
export class PartnerContactTakenError extends Error {
  constructor(readonly existing: PartnerContactRecord) {
    super(`${existing.partner} already has active contact point ${existing.contactId} for ${existing.safetyRegion ?? 'its national desk'}`);
    this.name = 'PartnerContactTakenError';
  }
}

/** Thrown when a change names a version the contact point has moved past. */
export class PartnerContactStaleError extends Error {
  constructor(readonly contactId: string, readonly expectedVersion: number, readonly currentVersion: number) {
    super(`partner contact ${contactId} is at version ${currentVersion}, not ${expectedVersion}`);
    this.name = 'PartnerContactStaleError';
  }
}

/** Thrown when a change or deactivation meets a contact point that is already inactive. */
export class PartnerContactInactiveError extends Error {
  constructor(readonly contactId: string) {
    super(`partner contact ${contactId} is inactive`);
    this.name = 'PartnerContactInactiveError';
  }
}
