import type { CaseEventType } from './case.events';

/*
 * An expert's name is theirs: when they leave the pool and ask to be erased, it must go from every case, as an office
 * holder's does. A name always sits beside the expert's id, which stays readable (matching, the team, the inbox and
 * every check work on ids), so each name is sealed under the key of the expert its id names.
 */

/** Where experts' names sit in a record: in the part at `at` (dotted, `*` for every item; '' for the record itself), under `name`, beside `expertId`. */
export interface ExpertNamePlace {
  readonly at: string;
  readonly name: string;
}

/** Where events name experts, by type; the actor's name (`actor.name`) of an expert's own event comes on top. */
export const EXPERT_NAME_EVENT_FIELDS: { readonly [T in CaseEventType]?: readonly ExpertNamePlace[] } = {
  ExpertOffered: [{ at: '', name: 'expertName' }],
  ExpertAssignedManually: [{ at: '', name: 'expertName' }],
  TeamAssembled: [{ at: 'members.*', name: 'name' }],
};

/** Where a case state names experts. */
export const EXPERT_NAME_STATE_FIELDS: readonly ExpertNamePlace[] = [{ at: 'openOffers.*', name: 'expertName' }, { at: 'team.*', name: 'name' }];

/** The path a place's names are bound to, as written: `members.*.name`. */
export function expertNamePath(place: ExpertNamePlace): string {
  return place.at === '' ? place.name : `${place.at}.${place.name}`;
}

/**
 * The record with every expert's name at `places` replaced by what `replace` makes of it, told the expert's id and the
 * place's path; a part without a string `expertId` is left as it is. The input is never changed.
 */
export function mapExpertNames<T>(value: T, places: readonly ExpertNamePlace[], replace: (name: unknown, expertId: string, path: string) => unknown): T {
  return places.reduce<T>((mapped, place) => mapParts(mapped, place.at === '' ? [] : place.at.split('.'), (part) => {
    const { expertId } = part;
    if (typeof expertId !== 'string' || !(place.name in part)) return part;
    return { ...part, [place.name]: replace(part[place.name], expertId, expertNamePath(place)) };
  }) as T, value);
}

// Copies only along the path, so the rest is shared.
function mapParts(value: unknown, path: readonly string[], replace: (part: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (path.length === 0) return Array.isArray(value) ? value : replace(value as Record<string, unknown>);
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(value) ? value.map((item) => mapParts(item, rest, replace)) : value;
  if (Array.isArray(value) || !(head in value)) return value;
  return { ...value, [head]: mapParts((value as Record<string, unknown>)[head], rest, replace) };
}
