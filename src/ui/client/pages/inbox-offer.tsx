import { useState } from 'preact/hooks';
import { Alert } from '../components/alert';
import { RiskTag } from '../components/risk-tag';
import { TextAreaField } from '../components/form-fields';
import { useI18n } from '../i18n/language';
import { REGION_NAMES } from '../region-names';
import type { InboxOffer } from '../../../api-contracts/expert-inbox.contract';
import { inboxActions } from './inbox-api';
import { useInboxAction, type InboxDone } from './inbox-action';
import { InboxDue, urgencyClass } from './inbox-due';
import { errorTitle } from '../error-title';

/** An offer to join a case's team: what the case is, until when to answer, and accept or decline (with an optional reason). */
export function InboxOfferItem({ offer, now, onDone }: { offer: InboxOffer; now: number; onDone: InboxDone }) {
  const { m, dateTime } = useI18n();
  const action = useInboxAction(onDone);
  const [reason, setReason] = useState('');
  const headingId = `offer-${offer.caseId}-${offer.offerId}`;
  return (
    <li class={`rvo-card rvo-card--outline rvo-card--padding-md ${urgencyClass(offer.expiresAt, now)}`} data-testid="inbox-offer" data-case-id={offer.caseId}>
      <article aria-labelledby={headingId}>
        <h3 class="utrecht-heading-3" id={headingId}>{m.inbox.caseHeading(offer.municipality, m.category[offer.category])}</h3>
        <InboxDue label={m.inbox.respondBefore} at={offer.expiresAt} now={now} />
        <dl class="rvo-data-list vb-inbox-facts">
          <dt>{m.inbox.risk}</dt><dd><RiskTag risk={offer.riskLevel} /></dd>
          <dt>{m.inbox.eventDate}</dt><dd>{offer.eventDate ? dateTime(offer.eventDate) : m.inbox.noDate}</dd>
          <dt>{m.inbox.region}</dt><dd>{REGION_NAMES[offer.safetyRegion]}</dd>
          <dt>{m.inbox.round}</dt><dd>{offer.round}</dd>
        </dl>
        {action.error && <Alert kind="error" title={errorTitle(action.error, m)}>{action.error.message}</Alert>}
        <div class="rvo-layout-row rvo-layout-gap--md vb-inbox-actions">
          <button
            type="button" class="utrecht-button utrecht-button--primary-action" disabled={action.busy} aria-describedby={headingId}
            onClick={() => action.run(() => inboxActions.acceptOffer(offer), m.inbox.accepted)}
          >
            {m.inbox.accept}
          </button>
        </div>
        <details class="vb-inbox-decline">
          <summary>{m.inbox.declineOpen}</summary>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void action.run(() => inboxActions.declineOffer(offer, reason), m.inbox.declined);
            }}
          >
            <TextAreaField
              name={`decline-${offer.caseId}-${offer.offerId}`} label={m.inbox.declineReason} rows={2}
              value={reason} onValue={setReason} problems={action.error?.problemsOf('reason')}
            />
            <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={action.busy} aria-describedby={headingId}>
              {m.inbox.decline}
            </button>
          </form>
        </details>
      </article>
    </li>
  );
}
