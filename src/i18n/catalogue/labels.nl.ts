import type { UserRole } from '../../domain/user-role';
import type { CaseStage } from '../../domain/case.vocabulary';
import type { NotificationKind, Partner } from '../../domain/notifications/notification-kinds';

/**
 * Names of things a text can mention as a parameter, in Dutch, as the screens show them: a role (`role`, `allowed` in
 * `role_not_allowed`), a stage of a case (`stage`, `stages`) and a partner (`partner`), as a sentence names them. See
 * `render-params.ts`. The kinds of notification are the labels of an expert's channel choices, here and on the screens.
 */
export const labelsNl = {
  role: { coordinator: 'coördinator', expert: 'expert', auditor: 'auditor' } satisfies Record<UserRole, string>,
  stage: {
    Intake: 'Intake', Triage: 'Beoordeling', Matching: 'Koppeling experts', Preparation: 'Voorbereiding',
    Intervention: 'Interventie', FollowUp: 'Nazorg', Evaluation: 'Evaluatie', Closed: 'Afgesloten',
    Rejected: 'Afgewezen', Cancelled: 'Geannuleerd',
  } satisfies Record<CaseStage, string>,
  partner: { COA: 'het COA', police: 'de politie', NCTV: 'de NCTV' } satisfies Record<Partner, string>,
  /** What a sensitive value reads as once its data key was destroyed (`DESTROYED`, `[destroyed]`). */
  destroyed: 'vernietigd',
  notificationKind: {
    offerMade: 'Aanbod van een zaak', offerWithdrawn: 'Aanbod ingetrokken', taskAssigned: 'Taak toegewezen',
    taskDueSoon: 'Taak bijna verlopen', taskWithdrawn: 'Taak ingetrokken', sessionScheduled: 'Voorbereidende sessie gepland',
    sessionMoved: 'Voorbereidende sessie verplaatst', sessionCancelled: 'Voorbereidende sessie geannuleerd',
    escalationRaised: 'Escalatie gestart', escalationClimbed: 'Escalatie opgeschaald', deadlineMissed: 'Termijn gemist',
    caseCancelled: 'Zaak geannuleerd',
  } satisfies Record<NotificationKind, string>,
} as const;
