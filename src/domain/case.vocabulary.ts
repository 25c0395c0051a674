/** The four kinds of support the brigade gives, from the founding letter. */
export const CASE_CATEGORIES = ['SHELTER_SUPPORT', 'CITIZEN_MEETING', 'THREAT_TO_OFFICIAL', 'INCIDENT'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

/** Who in the municipality asked for support. */
export const REQUESTER_ROLES = ['mayor', 'alderman', 'councilMember', 'municipalSecretary'] as const;
export type RequesterRole = (typeof REQUESTER_ROLES)[number];

/** Risk levels, ordered from lowest to highest. */
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** How much media attention the situation already has. */
export const MEDIA_ATTENTION_LEVELS = ['none', 'local', 'national'] as const;
export type MediaAttention = (typeof MEDIA_ATTENTION_LEVELS)[number];

/** The 25 Dutch safety regions (veiligheidsregio's), by stable slug. */
export const SAFETY_REGIONS = [
  'groningen', 'fryslan', 'drenthe', 'ijsselland', 'twente', 'noord-en-oost-gelderland', 'gelderland-midden',
  'gelderland-zuid', 'utrecht', 'noord-holland-noord', 'zaanstreek-waterland', 'kennemerland',
  'amsterdam-amstelland', 'gooi-en-vechtstreek', 'haaglanden', 'hollands-midden', 'rotterdam-rijnmond',
  'zuid-holland-zuid', 'zeeland', 'midden-en-west-brabant', 'brabant-noord', 'brabant-zuidoost', 'limburg-noord',
  'zuid-limburg', 'flevoland',
] as const;
export type SafetyRegion = (typeof SAFETY_REGIONS)[number];

/** The stages a case moves through, in order; `Closed`, `Rejected` and `Cancelled` are final. */
export const CASE_STAGES = [
  'Intake', 'Triage', 'Matching', 'Preparation', 'Intervention', 'FollowUp', 'Evaluation', 'Closed', 'Rejected', 'Cancelled',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Stages after which a case takes no more decisions. */
export const FINAL_STAGES: readonly CaseStage[] = ['Closed', 'Rejected', 'Cancelled'];

/** How the lead says the intervention went. */
export const INTERVENTION_OUTCOMES = ['calm', 'tense', 'incident'] as const;
export type InterventionOutcome = (typeof INTERVENTION_OUTCOMES)[number];

/** A team member's part: one lead, the rest support. */
export type TeamRole = 'lead' | 'support';

/** Roles that can cause an event: people through the API, or the system itself. */
export const ACTOR_ROLES = ['coordinator', 'expert', 'auditor', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Who caused an event. */
export interface Actor {
  readonly role: ActorRole;
  readonly id: string;
  /** The person's name as their identity provider gave it at sign-in, kept so the history reads without a lookup. */
  readonly name?: string;
  /** `provider` when the person signed in through the identity provider; absent for Brigade's own tokens and the workflow. */
  readonly via?: 'provider';
}

/** The actor recorded for steps the workflow takes on its own. */
export const SYSTEM_ACTOR: Actor = { role: 'system', id: 'brigade-workflow' };

/** Whether a value names one of Brigade's risk levels. */
export function isRiskLevel(value: unknown): value is RiskLevel {
  return (RISK_LEVELS as readonly unknown[]).includes(value);
}

/** Compares two risk levels; positive when `a` is higher than `b`. */
export function compareRisk(a: RiskLevel, b: RiskLevel): number {
  return RISK_LEVELS.indexOf(a) - RISK_LEVELS.indexOf(b);
}

/** The next risk level up, or CRITICAL when already there. */
export function raiseRiskOneLevel(level: RiskLevel): RiskLevel {
  return RISK_LEVELS[Math.min(RISK_LEVELS.indexOf(level) + 1, RISK_LEVELS.length - 1)];
}
