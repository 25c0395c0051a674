/** Why a person may not give an approval: the two-person rule names what they did before. */
export type FourEyesRefusal = 'already_approved_by_you' | 'own_request';

/** The approvals a destruction needs, each from a different person. */
export const APPROVALS_NEEDED = 2;

/**
 * The person a subject names, as the two-person rule counts people: an identity provider may hand out `C.Jansen` and
 * `c.jansen` for one login, so case, compatibility forms and surrounding space do not make a second person.
 */
export function personOf(subject: string): string {
  return subject.normalize('NFKC').trim().toLowerCase();
}

/** Whether `approverId` may add an approval to a list that `approvedBy` already approved; undefined when they may. */
export function listApprovalRefusal(approvedBy: readonly string[], approverId: string): FourEyesRefusal | undefined {
  return approvedBy.some((id) => personOf(id) === personOf(approverId)) ? 'already_approved_by_you' : undefined;
}

/** Whether enough different people approved. */
export function isFullyApproved(approvedBy: readonly string[]): boolean {
  return new Set(approvedBy.map(personOf)).size >= APPROVALS_NEEDED;
}

/** Whether `approverId` may approve a request that `requesterId` made; undefined when they may. */
export function requestApprovalRefusal(requesterId: string, approverId: string): FourEyesRefusal | undefined {
  return personOf(requesterId) === personOf(approverId) ? 'own_request' : undefined;
}
