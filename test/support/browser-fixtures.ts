import type { CaseState } from '../../src/domain/case.state';
import { municipalityCodeForName } from '../../src/domain/places/place-register';
import type { BrowserStack } from './browser-stack';
import { eventually } from './eventually';
import { anExpertBody } from './expert-fixtures';

/** The coordinator the browser tests set cases up as over the API. */
export const SETUP_COORDINATOR = 'c.setup';

/** An expert in the pool: their id, and the e-mail they sign in with at the embedded provider. */
export interface PoolExpert {
  readonly id: string;
  readonly email: string;
}

/** Registers an expert in the pool who covers only `category`, lives in Amersfoort and works in the Utrecht region. */
export async function anExpert(stack: BrowserStack, name: string, category: string): Promise<PoolExpert> {
  const body = anExpertBody({
    name, categories: [category], skills: ['mediation', 'communication', 'security', 'crisisManagement'],
    homeMunicipalityCode: 'GM0307', safetyRegion: 'utrecht', capacity: 3, unavailable: [], conflictMunicipalityCodes: [],
  });
  const created = await stack.as('coordinator', SETUP_COORDINATOR).post('/experts').send(body).expect(201);
  return { id: created.body.expertId as string, email: body.email as string };
}

/**
 * A support request whose event is ten days away, from the municipality with this official name (sent as its register
 * code); its safety region is 'utrecht' unless `overrides` give the municipality's own. Fields can be overridden.
 */
export function aRequestBody(category: string, municipality: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const municipalityCode = municipalityCodeForName(municipality);
  if (!municipalityCode) throw new Error(`${municipality} is not the name of a municipality in the register`);
  return {
    category, municipalityCode, safetyRegion: 'utrecht', requesterRole: 'mayor',
    description: `Bijeenkomst in ${municipality} over een nieuwe opvanglocatie`,
    eventDate: new Date(Date.now() + 10 * 24 * 3600_000).toISOString(), indicators: {},
    ...overrides,
  };
}

/** Registers a request over the API, as a coordinator; returns its case id. */
export async function aRegisteredCase(stack: BrowserStack, body: Record<string, unknown>): Promise<string> {
  return (await stack.as('coordinator', SETUP_COORDINATOR).post('/cases').send(body).expect(201)).body.caseId as string;
}

/** Registers a request and accepts it in triage over the API, as a coordinator; returns its case id. */
export async function anAcceptedCase(stack: BrowserStack, category: string, municipality: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const caseId = await aRegisteredCase(stack, aRequestBody(category, municipality, overrides));
  await stack.as('coordinator', SETUP_COORDINATOR).post(`/cases/${caseId}/triage`).send({ decision: 'accept' }).expect(200);
  return caseId;
}

/** The live state of a case once `predicate` holds, polled over the API as a coordinator. */
export function caseStateWhen(stack: BrowserStack, caseId: string, predicate: (state: CaseState) => boolean, what: string): Promise<CaseState> {
  return eventually(async () => {
    const { body } = await stack.as('coordinator', SETUP_COORDINATOR).get(`/cases/${caseId}`).expect(200);
    const live = body.live as CaseState | null;
    return live && predicate(live) ? live : undefined;
  }, `${what} in case ${caseId}`);
}
