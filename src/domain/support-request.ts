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

/** The office holder a request is about: who is threatened or must front the meeting. Sensitive: see `sensitive-fields.ts`. */
export interface OfficeHolder {
  readonly name: string;
  /** Their office, e.g. "wethouder wonen" or "burgemeester". */
  readonly office: string;
  /** What the brigade should know about them (threats received, family situation…), in free text. */
  readonly details?: string;
}

/** A municipality's request for support, as registered by a coordinator. */
export interface SupportRequest {
  readonly caseId: string;
  readonly category: CaseCategory;
  /**
   * The requesting municipality's CBS code (GM….), from the register in `places/`. Absent in requests recorded before
   * the register existed, which named their municipality only; the fold maps those names (see `case-place.ts`).
   */
  readonly municipalityCode?: string;
  /** The municipality's official name as the register had it when the request was made, for display. */
  readonly municipality: string;
  /** Follows from the municipality; recorded so that old and new requests read alike. */
  readonly safetyRegion: SafetyRegion;
  readonly requesterRole: RequesterRole;
  /** Free text: sensitive. */
  readonly description: string;
  /** The person the request is about, when it is about one. */
  readonly officeHolder?: OfficeHolder;
  /** ISO date-time of the risky event, when there is one. */
  readonly eventDate?: string;
  readonly indicators: RiskIndicators;
}
