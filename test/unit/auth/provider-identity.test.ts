import { loadBrigadeConfig, type OidcConfig } from '../../../src/config/brigade-config';
import type { ExpertIdentity } from '../../../src/expert-directory/expert-directory.port';
import { providerIdentity, type FindExpert } from '../../../src/auth/provider-identity';
import { staleAuthentication } from '../../../src/auth/sign-in-flow';

const settings = (env: Record<string, string> = {}): OidcConfig => loadBrigadeConfig(env).oidc;
const EXPERT: ExpertIdentity = { expertId: '0b6f3a44-63f0-4c4e-9a51-6a8f0b0b9c11', name: 'Anouk de Vries', email: 'anouk@example.nl', active: true, identitySubject: null };
const nobody: FindExpert = async () => null;

describe('who the provider\'s claims make someone in Brigade', () => {
  it('takes the role from the configured claim and the name from the ID token', async () => {
    await expect(providerIdentity({ sub: 'u-1', brigade_role: 'auditor', name: 'Bram Vos' }, settings(), nobody))
      .resolves.toEqual({ role: 'auditor', subject: 'u-1', displayName: 'Bram Vos', identitySubject: 'u-1' });
  });

  it('reads a nested claim and maps group names to roles, such as Keycloak\'s realm roles', async () => {
    const keycloak = settings({ BRIGADE_OIDC_ROLE_CLAIM: 'realm_access.roles', BRIGADE_OIDC_ROLE_MAP: 'coordinator=brigade-coordinator,auditor=brigade-auditor' });
    const claims = { sub: 'kc-7', realm_access: { roles: ['offline_access', 'brigade-coordinator'] }, given_name: 'Cor', family_name: 'Dijk' };
    await expect(providerIdentity(claims, keycloak, nobody)).resolves.toMatchObject({ role: 'coordinator', displayName: 'Cor Dijk' });
  });

  it('refuses a person whose claim names no role, or two', async () => {
    await expect(providerIdentity({ sub: 'u-2', brigade_role: 'admin' }, settings(), nobody)).resolves.toMatchObject({ refused: 'no_role' });
    await expect(providerIdentity({ sub: 'u-3', brigade_role: ['auditor', 'coordinator'] }, settings(), nobody)).resolves.toMatchObject({ refused: 'several_roles' });
  });

  it('finds an expert by a verified e-mail address only, and signs them in as their pool record', async () => {
    const asked: Array<[string, string | null]> = [];
    const find: FindExpert = async (subject, email) => {
      asked.push([subject, email]);
      return email === 'anouk@example.nl' ? EXPERT : null;
    };
    const claims = { sub: 'idp-9', brigade_role: 'expert', email: 'anouk@example.nl' };
    await expect(providerIdentity({ ...claims, email_verified: false }, settings(), find)).resolves.toMatchObject({ refused: 'expert_not_in_pool' });
    await expect(providerIdentity({ ...claims, email_verified: true }, settings(), find))
      .resolves.toEqual({ role: 'expert', subject: EXPERT.expertId, displayName: 'Anouk de Vries', identitySubject: 'idp-9' });
    expect(asked).toEqual([['idp-9', null], ['idp-9', 'anouk@example.nl']]);
  });

  it('refuses a deactivated expert, and one whose record names another subject', async () => {
    const claims = { sub: 'idp-9', brigade_role: 'expert', email: 'anouk@example.nl', email_verified: true };
    await expect(providerIdentity(claims, settings(), async () => ({ ...EXPERT, active: false }))).resolves.toMatchObject({ refused: 'expert_deactivated' });
    await expect(providerIdentity(claims, settings(), async () => ({ ...EXPERT, identitySubject: 'idp-1' }))).resolves.toMatchObject({ refused: 'expert_linked_elsewhere' });
  });

  it('refuses a sign-in without a required amr or acr, and takes one with it', async () => {
    const mfa = settings({ BRIGADE_OIDC_REQUIRE_AMR: 'mfa,hwk' });
    await expect(providerIdentity({ sub: 'u-4', brigade_role: 'auditor', amr: ['pwd'] }, mfa, nobody)).resolves.toMatchObject({ refused: 'stronger_sign_in_required' });
    await expect(providerIdentity({ sub: 'u-4', brigade_role: 'auditor' }, mfa, nobody)).resolves.toMatchObject({ refused: 'stronger_sign_in_required' });
    await expect(providerIdentity({ sub: 'u-4', brigade_role: 'auditor', amr: ['pwd', 'hwk'] }, mfa, nobody)).resolves.toMatchObject({ role: 'auditor' });
    const level = settings({ BRIGADE_OIDC_REQUIRE_ACR: 'urn:brigade:loa:mfa' });
    await expect(providerIdentity({ sub: 'u-5', brigade_role: 'auditor', acr: 'urn:brigade:loa:pwd' }, level, nobody)).resolves.toMatchObject({ refused: 'stronger_sign_in_required' });
  });
});

describe('the name a sign-in records', () => {
  it('loses control characters and stops at 200 characters, counted as people count them', async () => {
    const long = `${'Ö'.repeat(150)}😀${'x'.repeat(100)}`;
    const identity = await providerIdentity({ sub: 'u-6', brigade_role: 'auditor', name: `Bram\u0000\nVos ${long}` }, settings(), nobody);
    expect(identity).toMatchObject({ displayName: expect.stringMatching(/^Bram Vos Ö+/) });
    expect([...(identity as { displayName: string }).displayName]).toHaveLength(200);
  });
});

describe('whether a sign-in is fresh enough', () => {
  const started = new Date('2026-12-07T12:00:00Z');
  const at = (iso: string) => new Date(iso).getTime() / 1000;

  it('with a maximum of 0, wants the credentials entered after the attempt began (give or take a few seconds of clock)', () => {
    expect(staleAuthentication(at('2026-12-07T12:00:10Z'), started, 0)).toBeNull();
    expect(staleAuthentication(at('2026-12-07T11:59:57Z'), started, 0)).toBeNull();
    expect(staleAuthentication(at('2026-12-07T11:59:30Z'), started, 0)).toMatch(/before 2026-12-07T12:00:00/);
  });

  it('with a maximum age, wants them entered within it, and refuses a token without auth_time', () => {
    const now = new Date('2026-12-07T20:00:00Z');
    expect(staleAuthentication(at('2026-12-07T12:30:00Z'), started, 8 * 3600, now)).toBeNull();
    expect(staleAuthentication(at('2026-12-07T11:30:00Z'), started, 8 * 3600, now)).not.toBeNull();
    expect(staleAuthentication(undefined, started, 8 * 3600, now)).toBe('the ID token carries no auth_time');
  });
});
