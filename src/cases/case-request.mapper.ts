import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json';
import { municipalityRef, safetyRegionOfMunicipality } from '../domain/places/place-register';
import type { SupportRequest } from '../domain/support-request';
import type { RegisterCaseDto } from './dto/register-case.dto';

/** Turns a validated HTTP body into the domain's support request, filling absent indicators with "none". */
export function toSupportRequest(caseId: string, dto: RegisterCaseDto): SupportRequest {
  const indicators = dto.indicators;
  return {
    caseId,
    category: dto.category,
    municipalityCode: dto.municipalityCode,
    municipality: municipalityRef(dto.municipalityCode).name,
    safetyRegion: safetyRegionOfMunicipality(dto.municipalityCode),
    requesterRole: dto.requesterRole,
    description: dto.description,
    ...(dto.officeHolder && {
      officeHolder: {
        name: dto.officeHolder.name.trim(),
        office: dto.officeHolder.office.trim(),
        ...(dto.officeHolder.details !== undefined && { details: dto.officeHolder.details }),
      },
    }),
    ...(dto.eventDate !== undefined && { eventDate: new Date(dto.eventDate).toISOString() }),
    indicators: {
      threatsReceived: indicators.threatsReceived ?? false,
      expectedAttendance: indicators.expectedAttendance ?? 0,
      priorIncidents: indicators.priorIncidents ?? 0,
      mediaAttention: indicators.mediaAttention ?? 'none',
      onlineAgitation: indicators.onlineAgitation ?? false,
      officeHolderPersonallyTargeted: indicators.officeHolderPersonallyTargeted ?? false,
    },
  };
}

/** A stable case id for an idempotency key: the same key always names the same case. */
export function caseIdForIdempotencyKey(key: string): string {
  const hex = createHash('sha256').update(`brigade-case:${key}`).digest('hex');
  // Shaped as an RFC 4122 version-4 UUID so that every UUID validator accepts it.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A fingerprint of a request, to tell a true retry from a different request under the same key; its case id does not count. */
export function requestFingerprint(request: SupportRequest): string {
  // Hashed with an empty case id, as fingerprints always were: a retry must match the memo of a case started before.
  return createHash('sha256').update(canonicalJson({ ...request, caseId: '' })).digest('hex');
}
