/** Why a person's data is erased: a fixed list, so that nothing a person wrote enters the event. */
export const ERASURE_REASONS = ['data_subject_request', 'expert_left_pool', 'no_longer_needed'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** Whose data: an office holder a case is about, or an expert who left the pool. */
export const ERASURE_SUBJECT_KINDS = ['officeHolder', 'expert'] as const;
export type ErasureSubjectKind = (typeof ERASURE_SUBJECT_KINDS)[number];

/** The person id an expert's key scope has: their data is sealed under `person-expert-<expertId>`. */
export function expertPersonId(expertId: string): string {
  return `expert-${expertId}`;
}
