import type { CaseState } from './case.state';
import type { InterventionOutcome, RiskLevel } from './case.vocabulary';
import type { ExpertProfile } from './expert-profile';
import type { ConflictOfInterest } from './matching';

/** A decision someone asks a case to take: one variant per workflow update and signal, named as the message is. */
export type CaseCommand =
  | { readonly type: 'triage'; readonly decision: 'accept' | 'reject'; readonly reason?: string }
  /** `conflict` is what the pool says now about the expert and the case's municipality, when it was asked. */
  | { readonly type: 'respondToOffer'; readonly offerId: string; readonly response: 'accept' | 'decline'; readonly reason?: string; readonly conflict?: ConflictOfInterest | null }
  /**
   * `expert` is the pool's profile of the expert when it was read (null: unknown or inactive; undefined: not read yet).
   * `rules` are the matching rules weighed: older histories refused a conflict outright, or (older still) none.
   */
  | {
    readonly type: 'assignExpert'; readonly expertId: string; readonly note?: string; readonly override?: { readonly reason: string };
    readonly expert?: ExpertProfile | null; readonly rules?: 'weighed' | 'conflictsOnly' | 'unweighed';
  }
  | { readonly type: 'scheduleSession'; readonly scheduledAt: string; readonly note?: string }
  | { readonly type: 'completeTask'; readonly taskId: string; readonly outcome: string }
  | { readonly type: 'holdSession'; readonly outcomes: string }
  | { readonly type: 'reportIntervention'; readonly outcome: InterventionOutcome; readonly notes: string }
  | { readonly type: 'completeFollowUp'; readonly followUpId: string; readonly ongoingRisk: boolean; readonly notes: string }
  | { readonly type: 'acknowledgeEscalation'; readonly escalationId: string }
  | { readonly type: 'evaluateCase'; readonly summary: string }
  | { readonly type: 'closeCase'; readonly summary?: string }
  | { readonly type: 'cancelCase'; readonly reason: string }
  | { readonly type: 'appointLead'; readonly expertId: string }
  | { readonly type: 'reassignTask'; readonly taskId: string; readonly expertId: string }
  | { readonly type: 'expertDeactivated'; readonly expertId: string }
  | { readonly type: 'changeRisk'; readonly level: RiskLevel; readonly reason: string }
  | { readonly type: 'raiseConcern'; readonly concern: string };

/** The kind of a case command. */
export type CaseCommandType = CaseCommand['type'];

/** The command of one kind. */
export type CaseCommandOf<T extends CaseCommandType> = Extract<CaseCommand, { readonly type: T }>;

/**
 * What a decision needs beyond the case state, all of it known to the caller without I/O. Every field is optional: a
 * caller who knows less (the API, the screens) decides as if nothing were in flight and nobody deactivated.
 */
export interface DecisionContext {
  /** The case's id, for refusals before the case has a state. */
  readonly caseId?: string;
  /**
   * The state as recorded, when the state decided on also holds steps still being recorded: what is in the one and not
   * in the other is in flight, and is refused as such. Who may act (lead, assignee) is read from it too.
   */
  readonly recorded?: CaseState | null;
  /** Whether the case's last step is on its way, so nothing more may be decided. */
  readonly ending?: boolean;
  /** Experts the pool has deactivated while the case ran. */
  readonly deactivatedExperts?: ReadonlySet<string>;
  /** How many experts the team needs, once matching has set it (0 before). */
  readonly teamTarget?: number;
  /** Whether a triage decision was taken, which a cancelled case's state no longer shows. */
  readonly triageDecided?: boolean;
}
