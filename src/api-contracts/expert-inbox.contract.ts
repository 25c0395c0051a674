import type { CaseCategory, CaseStage, RiskLevel, SafetyRegion, TeamRole } from '../domain/case.vocabulary';
import type { NextDeadline } from '../domain/next-deadline';
import type { RenderedDomainText } from '../i18n/catalogue/render-domain-text';

/** An offer of `GET /me/offers`: a case waiting for this expert's yes or no. */
export interface InboxOffer {
  readonly offerId: string;
  readonly caseId: string;
  readonly category: CaseCategory;
  readonly municipality: string;
  readonly safetyRegion: SafetyRegion;
  readonly riskLevel: RiskLevel | null;
  readonly eventDate: string | null;
  readonly round: number;
  readonly expiresAt: string;
}

/** An open task of `GET /me/tasks`. */
export interface InboxTask {
  readonly taskId: string;
  readonly caseId: string;
  /** The code and parameters the screens render; the API's own rendering (`text`) follows Accept-Language, not the chosen language. */
  readonly title: RenderedDomainText;
  readonly templateId: string;
  readonly dueAt: string;
  readonly stage: CaseStage;
  readonly category: CaseCategory;
  readonly municipality: string;
  readonly eventDate: string | null;
}

/** A case of `GET /me/cases`: the expert's part in it and what falls due next. */
export interface InboxCase {
  readonly caseId: string;
  readonly role: TeamRole;
  readonly stage: CaseStage;
  readonly category: CaseCategory;
  readonly municipality: string;
  readonly safetyRegion: SafetyRegion;
  readonly riskLevel: RiskLevel | null;
  readonly eventDate: string | null;
  readonly nextDeadline: NextDeadline | null;
}
