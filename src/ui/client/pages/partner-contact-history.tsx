import type { FieldChange, PartnerContactChangeView } from '../../../api-contracts/partner-contacts.contract';
import type { SafetyRegion } from '../../../domain/case.vocabulary';
import { REGION_NAMES } from '../region-names';
import { useI18n } from '../i18n/language';
import type { Messages } from '../i18n/messages';

/** Every change of a contact point, oldest first: when, by whom (as their token said) and each field's old and new value. */
export function PartnerContactHistory({ history }: { history: readonly PartnerContactChangeView[] }) {
  const { m, dateTime } = useI18n();
  return (
    <section aria-labelledby="partner-contact-history" class="vb-section" data-testid="partner-contact-history">
      <h2 class="utrecht-heading-2" id="partner-contact-history">{m.partners.history}</h2>
      <div class="rvo-table--responsive">
        <table class="rvo-table">
          <caption class="rvo-table__caption">{m.partners.historyCaption}</caption>
          <thead class="rvo-table-head">
            <tr class="rvo-table-row">
              <th scope="col" class="rvo-table-header">{m.partners.colWhen}</th>
              <th scope="col" class="rvo-table-header">{m.partners.colWho}</th>
              <th scope="col" class="rvo-table-header">{m.partners.colWhat}</th>
            </tr>
          </thead>
          <tbody class="rvo-table-body">
            {history.map((change) => (
              <tr class="rvo-table-row" key={change.changeId}>
                <td class="rvo-table-cell">{dateTime(change.occurredAt)}</td>
                <td class="rvo-table-cell">{actorText(change.actor, m)}</td>
                <td class="rvo-table-cell">
                  <strong>{m.partners.action[change.action]}</strong> ({m.partners.version} {change.version})
                  <ul class="rvo-ul">
                    {Object.entries(change.changes).map(([field, values]) => <li key={field}>{changeText(field, values, m)}</li>)}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function actorText(actor: PartnerContactChangeView['actor'], m: Messages): string {
  if (actor.role === 'system') return m.partners.systemActor;
  const role = (m.roles as Readonly<Record<string, string>>)[actor.role] ?? actor.role;
  return actor.name ? `${actor.name} (${m.partners.actor(role, actor.id)})` : m.partners.actor(role, actor.id);
}

function changeText(field: string, values: FieldChange, m: Messages): string {
  return m.partners.fieldChange(m.partners.field[field] ?? field, valueText(field, values.from, m), valueText(field, values.to, m));
}

// Values read as the table shows them: a region by its name, a partner and a language in words.
function valueText(field: string, value: string | boolean | null, m: Messages): string {
  if (value === null || value === '') return m.partners.none;
  if (typeof value === 'boolean') return value ? m.partners.yes : m.partners.no;
  if (field === 'safetyRegion' && Object.hasOwn(REGION_NAMES, value)) return REGION_NAMES[value as SafetyRegion];
  if (field === 'partner' && value in m.partners.partner) return m.partners.partner[value as keyof Messages['partners']['partner']];
  if (field === 'language' && value in m.partners.languageName) return m.partners.languageName[value as keyof Messages['partners']['languageName']];
  return value;
}
