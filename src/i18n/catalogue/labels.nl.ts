import type { UserRole } from '../../domain/user-role';
import type { CaseStage } from '../../domain/case.vocabulary';

/**
 * Names of things a text can mention as a parameter, in Dutch, as the screens show them: a role (`role`, `allowed` in
 * `role_not_allowed`) and a stage of a case (`stage`, `stages`). See `render-params.ts`.
 */
export const labelsNl = {
  role: { coordinator: 'coördinator', expert: 'expert', auditor: 'auditor' } satisfies Record<UserRole, string>,
  stage: {
    Intake: 'Intake', Triage: 'Beoordeling', Matching: 'Koppeling experts', Preparation: 'Voorbereiding',
    Intervention: 'Interventie', FollowUp: 'Nazorg', Evaluation: 'Evaluatie', Closed: 'Afgesloten',
    Rejected: 'Afgewezen', Cancelled: 'Geannuleerd',
  } satisfies Record<CaseStage, string>,
} as const;
