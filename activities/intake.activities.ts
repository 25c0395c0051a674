import { assessRisk, type RiskAssessment } from '../src/domain/risk-assessment';
import type { SupportRequest } from '../src/domain/support-request';

/** Builds the intake activities. */
export function createIntakeActivities() {
  return {
    /** Assesses a request's risk from its indicators; an activity so that the result is recorded in history. */
    async assessIntake(request: SupportRequest): Promise<RiskAssessment> {
      return assessRisk(request.category, request.indicators);
    },
  };
}
