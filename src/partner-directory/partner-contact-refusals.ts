import { ConflictException, NotFoundException } from '@nestjs/common';
import { safetyRegionName } from '../domain/places/place-register';
import { refusal } from '../http/refusal';
import {
  PartnerContactInactiveError, PartnerContactNotFoundError, PartnerContactStaleError, PartnerContactTakenError,
} from '../partner-contacts/partner-contact-store.errors';

/** The HTTP answer to a refusal of the partner contact store, coded; any other error as it came. */
export function partnerContactRefusal(error: unknown): unknown {
  if (error instanceof PartnerContactNotFoundError) return notFound(error.contactId);
  if (error instanceof PartnerContactStaleError) {
    return new ConflictException(refusal('partner_contact_stale', { contactId: error.contactId, version: error.expectedVersion, currentVersion: error.currentVersion }));
  }
  if (error instanceof PartnerContactInactiveError) return new ConflictException(refusal('partner_contact_inactive', { contactId: error.contactId }));
  if (error instanceof PartnerContactTakenError) {
    const { partner, safetyRegion, name, contactId } = error.existing;
    return new ConflictException(safetyRegion === null
      ? refusal('partner_desk_taken', { partner, name, contactId })
      : refusal('partner_contact_taken', { partner, region: safetyRegionName(safetyRegion), regionCode: safetyRegion, name, contactId }));
  }
  return error;
}

/** The 404 of a contact point that does not exist. */
export function notFound(contactId: string): NotFoundException {
  return new NotFoundException(refusal('partner_contact_not_found', { contactId }));
}
