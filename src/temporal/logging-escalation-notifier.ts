import { Injectable, Logger } from '@nestjs/common';
import type { EscalationAlert, EscalationNotifier } from '../../activities/escalation.activities';

/** Sends escalation alerts to the structured log, where an operator's alerting picks them up. */
@Injectable()
export class LoggingEscalationNotifier implements EscalationNotifier {
  private readonly logger = new Logger('Escalation');

  async notify({ caseId, escalationId, level, target }: EscalationAlert): Promise<void> {
    // Only identifiers: case details stay out of logs.
    this.logger.warn(`ESCALATION case=${caseId} escalation=${escalationId} level=${level} target=${target}`);
  }
}
