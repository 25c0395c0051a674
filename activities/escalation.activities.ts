import type { EscalationTarget } from '../src/domain/escalation-policy';

/** One alert to one rung of an escalation ladder. */
export interface EscalationAlert {
  readonly caseId: string;
  readonly escalationId: string;
  readonly level: number;
  readonly target: EscalationTarget;
}

/** Where escalation alerts go (a pager, mail, a partner's intake); Brigade ships a structured-log channel. */
export interface EscalationNotifier {
  notify(alert: EscalationAlert): Promise<void>;
}

/** Dependencies of the escalation activities. */
export interface EscalationActivityDependencies {
  readonly notifier: EscalationNotifier;
}

/** Builds the activities that alert escalation targets. */
export function createEscalationActivities({ notifier }: EscalationActivityDependencies) {
  return {
    /** Alerts the target of one escalation level. */
    async notifyEscalationTarget(alert: EscalationAlert): Promise<void> {
      await notifier.notify(alert);
    },
  };
}
