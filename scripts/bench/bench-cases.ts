import { caseEvent, type NewCaseEvent } from '../../src/domain/case.events';
import type { Actor, CaseCategory, SafetyRegion } from '../../src/domain/case.vocabulary';
import type { SupportRequest } from '../../src/domain/support-request';
import { literalText } from '../../src/domain/domain-text';
import { municipalityCodeForName, safetyRegionOfMunicipality } from '../../src/domain/places/place-register';

/** The coordinator the bench acts as, and the system actor its seeded events carry. */
export const BENCH_COORDINATOR: Actor = { role: 'coordinator', id: 'c.bench' };
const BENCH_SYSTEM: Actor = { role: 'system', id: 'bench-seed' };

// A spread of places and kinds, so that the read model is not one value repeated ten thousand times; the API takes a
// municipality by its CBS code, and its safety region must be the code's.
const PLACES: ReadonlyArray<{ readonly name: string; readonly code: string; readonly safetyRegion: SafetyRegion }> =
  ['Houten', 'Zoetermeer', 'Tilburg', 'Emmen', 'Almere', 'Heerlen', 'Zwolle', 'Leiden'].map((name) => {
    const code = municipalityCodeForName(name);
    if (!code) throw new Error(`${name} is not a municipality in the register`);
    return { name, code, safetyRegion: safetyRegionOfMunicipality(code) };
  });
const CATEGORIES: readonly CaseCategory[] = ['SHELTER_SUPPORT', 'CITIZEN_MEETING', 'THREAT_TO_OFFICIAL', 'INCIDENT'];

/** The body of `POST /cases` for the n-th bench registration; no event date, so nothing in its path waits for a clock. */
export function registrationBody(n: number, category: CaseCategory = CATEGORIES[n % CATEGORIES.length]) {
  const { name, code, safetyRegion } = PLACES[n % PLACES.length];
  return {
    category, municipalityCode: code, safetyRegion, requesterRole: 'alderman' as const,
    description: `Bench request ${n}: avondbijeenkomst over een nieuwe opvanglocatie in ${name}`,
    indicators: { threatsReceived: false, expectedAttendance: 150, priorIncidents: 0, mediaAttention: 'local' as const, onlineAgitation: false, officeHolderPersonallyTargeted: false },
  };
}

/** The support request a registration body becomes for a case id. */
export function supportRequest(caseId: string, n: number): SupportRequest {
  return { caseId, ...registrationBody(n), municipality: PLACES[n % PLACES.length].name };
}

/** The first events of a seeded case: received, assessed and accepted, so that it reads like a case waiting for experts. */
export function openingEvents(request: SupportRequest, at: string): NewCaseEvent[] {
  return [
    caseEvent('RequestReceived', { request }, BENCH_COORDINATOR, at),
    caseEvent('IntakeAssessed', { riskLevel: 'MEDIUM', score: 3, reasons: [literalText('expected attendance')] }, BENCH_SYSTEM, at),
    caseEvent('RequestAccepted', {}, BENCH_COORDINATOR, at),
  ];
}

/** An event that can follow any other any number of times without growing the state: an expert's concern. */
export function concernEvent(n: number, at: string): NewCaseEvent {
  return caseEvent('ConcernRaised', { expertId: 'bench-expert', concern: `Signal ${n}: onrust op sociale media` }, { role: 'expert', id: 'bench-expert' }, at);
}
