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
};
