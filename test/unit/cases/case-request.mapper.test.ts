import { caseIdForIdempotencyKey, requestFingerprint, toSupportRequest } from '../../../src/cases/case-request.mapper';
import type { RegisterCaseDto } from '../../../src/cases/dto/register-case.dto';

const dto = {
  category: 'INCIDENT', municipalityCode: 'GM0983', requesterRole: 'mayor',
  description: 'Onrust na incident', eventDate: '2027-03-01T18:00:00+01:00', indicators: { priorIncidents: 2 },
} as RegisterCaseDto;

describe('the case request mapper', () => {
  it('fills absent indicators with "none", names the municipality and its region from the register, and normalises the event date', () => {
    expect(toSupportRequest('c-1', dto)).toEqual({
      caseId: 'c-1', category: 'INCIDENT', municipalityCode: 'GM0983', municipality: 'Venlo', safetyRegion: 'limburg-noord', requesterRole: 'mayor',
      description: 'Onrust na incident', eventDate: '2027-03-01T17:00:00.000Z',
      indicators: { threatsReceived: false, expectedAttendance: 0, priorIncidents: 2, mediaAttention: 'none', onlineAgitation: false, officeHolderPersonallyTargeted: false },
    });
  });

  it('keeps the office holder the request is about, trimmed, and leaves it out when there is none', () => {
    const withHolder = { ...dto, officeHolder: { name: ' J. de Boer ', office: 'wethouder wonen ', details: 'Bedreigd via sociale media' } } as RegisterCaseDto;

    expect(toSupportRequest('c-1', withHolder).officeHolder).toEqual({ name: 'J. de Boer', office: 'wethouder wonen', details: 'Bedreigd via sociale media' });
    expect(toSupportRequest('c-1', dto)).not.toHaveProperty('officeHolder');
    expect(requestFingerprint(toSupportRequest('c-1', withHolder))).not.toBe(requestFingerprint(toSupportRequest('c-1', dto)));
  });

  it('derives the same version-4-shaped case id from the same idempotency key, and another from another key', () => {
    const sut = caseIdForIdempotencyKey('request-2026-0001');
    expect(sut).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(caseIdForIdempotencyKey('request-2026-0001')).toBe(sut);
    expect(caseIdForIdempotencyKey('request-2026-0002')).not.toBe(sut);
  });

  it('fingerprints equal requests alike whatever their case id, and different requests differently', () => {
    expect(requestFingerprint(toSupportRequest('c-1', { ...dto }))).toBe(requestFingerprint(toSupportRequest('c-2', dto)));
    expect(requestFingerprint(toSupportRequest('c-1', { ...dto, description: 'iets anders' } as RegisterCaseDto))).not.toBe(requestFingerprint(toSupportRequest('c-1', dto)));
  });

  it('fingerprints a request as cases started before recorded it, so that a retry of one still finds it', () => {
    // The memo's value for this request, as the fingerprint of the body was computed before it took the mapped request.
    expect(requestFingerprint(toSupportRequest('c-1', dto))).toBe('ea5b7c0652af8eeb44d5fdb48755240311310707c2e76d629beaaad7c70d4818');
  });
});
