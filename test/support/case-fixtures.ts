import { randomUUID } from 'node:crypto';
import { caseEvent, type NewCaseEvent } from '../../src/domain/case.events';
import type { Actor } from '../../src/domain/case.vocabulary';
import { domainText } from '../../src/domain/domain-text';
import type { SupportRequest } from '../../src/domain/support-request';

/** A coordinator actor for tests. */
export const COORDINATOR: Actor = { role: 'coordinator', id: 'coordinator-test' };

/** A plausible support request with a fresh case id; fields can be overridden. */
export function aSupportRequest(overrides: Partial<SupportRequest> = {}): SupportRequest {
  return {
    caseId: randomUUID(),
    category: 'SHELTER_SUPPORT',
    municipalityCode: 'GM0637',
    municipality: 'Zoetermeer',
    safetyRegion: 'haaglanden',
    requesterRole: 'alderman',
    description: 'Raadsvergadering over een nieuwe opvanglocatie',
    eventDate: '2027-01-20T19:00:00.000Z',
    indicators: {
      threatsReceived: false,
      expectedAttendance: 200,
      priorIncidents: 0,
      mediaAttention: 'local',
      onlineAgitation: false,
      officeHolderPersonallyTargeted: false,
    },
    ...overrides,
  };
}

/** The first event of a case's stream. */
export function requestReceived(request: SupportRequest, at = '2026-11-01T09:00:00.000Z'): NewCaseEvent {
  return caseEvent('RequestReceived', { request }, COORDINATOR, at);
}

/** The intake assessment that follows a request. */
export function intakeAssessed(at = '2026-11-01T09:00:01.000Z'): NewCaseEvent {
  return caseEvent('IntakeAssessed', { riskLevel: 'MEDIUM', score: 3, reasons: [domainText('risk.threats_received')] }, { role: 'system', id: 'test' }, at);
}
