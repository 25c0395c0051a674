import type { CaseState } from './case.state';

/** Whether an expert may see a case: they are on its team, or an offer to join it waits for their answer. */
export function expertCanSee(state: Pick<CaseState, 'team' | 'openOffers'>, expertId: string): boolean {
  return state.team.some((member) => member.expertId === expertId) || state.openOffers.some((offer) => offer.expertId === expertId);
}

/** The id of the expert an offer, task or follow-up of a case belongs to, or undefined when the case does not say. */
export function ownerOf(state: Pick<CaseState, 'openOffers' | 'tasks'>, kind: 'offer' | 'task', id: string): string | undefined {
  return kind === 'offer'
    ? state.openOffers.find((offer) => offer.offerId === id)?.expertId
    : state.tasks.find((task) => task.taskId === id)?.assigneeId ?? undefined;
}
