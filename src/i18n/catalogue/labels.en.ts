import type { ShapeOf } from './catalogue-shape';
import type { labelsNl } from './labels.nl';

/** Names of things a text can mention as a parameter, in English, as the screens show them. */
export const labelsEn: ShapeOf<typeof labelsNl> = {
  role: { coordinator: 'coordinator', expert: 'expert', auditor: 'auditor' },
  stage: {
    Intake: 'Intake', Triage: 'Triage', Matching: 'Expert matching', Preparation: 'Preparation',
    Intervention: 'Intervention', FollowUp: 'Follow-up', Evaluation: 'Evaluation', Closed: 'Closed',
    Rejected: 'Rejected', Cancelled: 'Cancelled',
  },
  partner: { COA: 'COA', police: 'the police', NCTV: 'the NCTV' },
  destroyed: 'destroyed',
  notificationKind: {
    offerMade: 'Case offered', offerWithdrawn: 'Offer withdrawn', taskAssigned: 'Task assigned',
    taskDueSoon: 'Task almost due', taskWithdrawn: 'Task withdrawn', sessionScheduled: 'Preparatory session scheduled',
    sessionMoved: 'Preparatory session moved', sessionCancelled: 'Preparatory session cancelled',
    escalationRaised: 'Escalation raised', escalationClimbed: 'Escalation moved up', deadlineMissed: 'Deadline missed',
    caseCancelled: 'Case cancelled',
  },
};
