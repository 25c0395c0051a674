import type { FieldChange } from '../api-contracts/partner-contacts.contract';

type FieldValues = Readonly<Record<string, string | boolean | null | undefined>>;

/**
 * The fields whose value differs between two versions of a contact point, each with its old and new value; a field
 * `after` leaves out is not changed. A field `before` lacks counts as null, so a creation records every field it set.
 */
export function contactFieldChanges(before: FieldValues, after: FieldValues): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[field] ?? null;
    if (from !== to) changes[field] = { from, to };
  }
  return changes;
}
