import type { CaseCategory, MediaAttention, RequesterRole, SafetyRegion } from './case.vocabulary';

/** Facts about the situation that the intake risk assessment weighs. */
export interface RiskIndicators {
  readonly threatsReceived: boolean;
  readonly expectedAttendance: number;
  readonly priorIncidents: number;
  readonly mediaAttention: MediaAttention;
  readonly onlineAgitation: boolean;
  readonly officeHolderPersonallyTargeted: boolean;
}

/** A municipality's request for support, as registered by a coordinator. */
export interface SupportRequest {
  readonly caseId: string;
  readonly category: CaseCategory;
  readonly municipality: string;
  readonly safetyRegion: SafetyRegion;
  readonly requesterRole: RequesterRole;
  readonly description: string;
  /** ISO date-time of the risky event, when there is one. */
  readonly eventDate?: string;
  readonly indicators: RiskIndicators;
}
