import { conflict, invalid, notFound } from '../case-refusal';
import { caseEvent } from '../case.events';
import { FINAL_STAGES, type CaseStage } from '../case.vocabulary';
import { departureOf } from '../expert-departure';
import { coordinatorOnly, recordedState, stageRefusal } from './case-rules';
import type { Decider } from './decider';

/** Stages in which a case has a team whose lead a coordinator may appoint. */
export const TEAM_STAGES: readonly CaseStage[] = ['Matching', 'Preparation', 'Intervention', 'FollowUp', 'Evaluation'];

/** A coordinator appoints a member of the team (one the pool has not deactivated) as its lead. */
export const decideLeadAppointment: Decider<'appointLead'> = (state, { expertId }, actor, now, context) => {
  const member = state.team.find((m) => m.expertId === expertId);
  return coordinatorOnly(actor)
    ?? stageRefusal(recordedState(state, context), context, TEAM_STAGES, 'appointing a lead')
    ?? (!member || context.deactivatedExperts?.has(expertId)
      ? notFound(`expert ${expertId} is not on this case's team`, 'not_on_team', { expertId }) : undefined)
    ?? (member!.role === 'lead' ? conflict(`expert ${expertId} already leads the team`, 'already_lead', { expertId }) : undefined)
    ?? [caseEvent('LeadAppointed', { expertId }, actor, now)];
};

/**
 * The pool deactivated an expert (told by a coordinator's action): their open offers are withdrawn, their open tasks
 * handed back and their place on the team ended. An ended case records nothing.
 */
export const decideDeactivation: Decider<'expertDeactivated'> = (state, { expertId }, actor, now, context) =>
  coordinatorOnly(actor)
  ?? (typeof expertId !== 'string' || expertId === '' ? invalid('expertId is required', 'expertId', 'required') : undefined)
  ?? (context.ending || FINAL_STAGES.includes(state.stage) ? [] : departureOf(state, expertId, now).events);
