import type { OidcConfig } from '../config/brigade-config';
import { isUserRole, type UserRole } from '../domain/user-role';
import type { ExpertIdentity } from '../expert-directory/expert-directory.port';
import { principalProblem } from './token-claims';

/** Who a provider's claims make someone in Brigade: a role, Brigade's subject and a name to show. */
export interface ProviderIdentity {
  readonly role: UserRole;
  readonly subject: string;
  readonly displayName: string | null;
  /** The provider's own subject. */
  readonly identitySubject: string;
}

/** Why a person the provider vouched for may not use Brigade; each reason has its own message on the refusal page. */
export type IdentityRefusalReason =
  | 'no_role' | 'several_roles' | 'subject_unusable' | 'expert_not_in_pool' | 'expert_deactivated' | 'expert_linked_elsewhere'
  | 'stronger_sign_in_required';

/** A refusal with what the log may say about it (never a token). */
export interface IdentityRefusal {
  readonly refused: IdentityRefusalReason;
  readonly detail: string;
}

/** Looks an expert up by the provider's subject, or by a verified e-mail address. */
export type FindExpert = (identitySubject: string, verifiedEmail: string | null) => Promise<ExpertIdentity | null>;

/**
 * Maps a provider's claims to a Brigade identity: the role from the configured claim (or group mapping), an expert to
 * their record in the pool by the subject or verified e-mail set on it, and the required `amr`/`acr` checked.
 */
export async function providerIdentity(
  claims: Readonly<Record<string, unknown>>, settings: OidcConfig, findExpert: FindExpert,
): Promise<ProviderIdentity | IdentityRefusal> {
  const identitySubject = typeof claims.sub === 'string' ? claims.sub : '';
  const strength = signInStrengthProblem(claims, settings);
  if (strength) return { refused: 'stronger_sign_in_required', detail: strength };
  const roles = rolesIn(claimAt(claims, settings.roleClaim), settings.roleMap);
  if (roles.length === 0) return { refused: 'no_role', detail: `the claim ${settings.roleClaim} names no Brigade role` };
  if (roles.length > 1) return { refused: 'several_roles', detail: `the claim ${settings.roleClaim} names ${roles.join(' and ')}` };
  const role = roles[0];
  const name = textClaim(claims, 'name') ?? joinedName(claims);
  if (role !== 'expert') {
    const problem = principalProblem(role, identitySubject);
    if (problem) return { refused: 'subject_unusable', detail: problem };
    return { role, subject: identitySubject, displayName: name, identitySubject };
  }
  const verifiedEmail = claims.email_verified === true ? textClaim(claims, 'email') : null;
  const expert = await findExpert(identitySubject, verifiedEmail);
  if (!expert) return { refused: 'expert_not_in_pool', detail: `no expert has the subject or verified e-mail of ${identitySubject}` };
  // An e-mail match is not enough when the record names another subject: the address moved to someone else.
  if (expert.identitySubject !== null && expert.identitySubject !== identitySubject) {
    return { refused: 'expert_linked_elsewhere', detail: `expert ${expert.expertId} is linked to another subject` };
  }
  if (!expert.active) return { refused: 'expert_deactivated', detail: `expert ${expert.expertId} is deactivated` };
  return { role, subject: expert.expertId, displayName: expert.name, identitySubject };
}

/** Whether the result is a refusal. */
export function isIdentityRefusal(value: ProviderIdentity | IdentityRefusal): value is IdentityRefusal {
  return 'refused' in value;
}

// The provider says how the person signed in (`amr`, RFC 8176) and at what level (`acr`); Brigade may require either.
function signInStrengthProblem(claims: Readonly<Record<string, unknown>>, settings: OidcConfig): string | null {
  if (settings.requiredAmr.length > 0) {
    const amr = Array.isArray(claims.amr) ? claims.amr.filter((value): value is string => typeof value === 'string') : [];
    if (!amr.some((method) => settings.requiredAmr.includes(method))) {
      return `the sign-in used ${amr.length > 0 ? amr.join(', ') : 'no reported method'}; one of ${settings.requiredAmr.join(', ')} is required`;
    }
  }
  if (settings.requiredAcr.length > 0) {
    const acr = typeof claims.acr === 'string' ? claims.acr : '';
    if (!settings.requiredAcr.includes(acr)) return `the sign-in's level was ${acr || 'not reported'}; one of ${settings.requiredAcr.join(', ')} is required`;
  }
  return null;
}

// A dotted name reaches into nested claims, such as Keycloak's realm_access.roles.
function claimAt(claims: Readonly<Record<string, unknown>>, name: string): unknown {
  if (name in claims) return claims[name];
  return name.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), claims);
}

function rolesIn(value: unknown, roleMap: Readonly<Record<string, UserRole>>): UserRole[] {
  const values = (Array.isArray(value) ? value : [value]).filter((entry): entry is string => typeof entry === 'string');
  const mapped = Object.keys(roleMap).length > 0 ? values.map((entry) => roleMap[entry]) : values;
  return [...new Set(mapped.filter((entry): entry is UserRole => isUserRole(entry)))];
}

function textClaim(claims: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = claims[name];
  if (typeof value !== 'string') return null;
  // A name goes on every event the person causes: no control characters, and no longer than a name gets.
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
  return clean === '' ? null : [...clean].slice(0, 200).join('');
}

function joinedName(claims: Readonly<Record<string, unknown>>): string | null {
  const parts = [textClaim(claims, 'given_name'), textClaim(claims, 'family_name')].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}
