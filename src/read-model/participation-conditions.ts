/**
 * A condition on the `cases` projection that picks the cases expert `$1` takes part in. Each one is a jsonb containment
 * (`@>`) on exactly the expression a GIN index of migration IndexCaseParticipants covers, so PostgreSQL finds the few
 * matching cases through the index instead of reading every case.
 */
export type ParticipationCondition = (typeof PARTICIPATION)[keyof typeof PARTICIPATION];

/** The conditions the inbox queries by. */
export const PARTICIPATION = {
  /** An offer to the expert waits for their answer (answered, expired and withdrawn offers leave `openOffers`). */
  offeredTo: `state->'openOffers' @> jsonb_build_array(jsonb_build_object('expertId', $1::text))`,
  /** The expert has an open preparation task. */
  hasOpenTaskFor: `state->'tasks' @> jsonb_build_array(jsonb_build_object('assigneeId', $1::text, 'status', 'open'))`,
  /** The expert is on the case's team, as lead or support. */
  teamIncludes: `state->'team' @> jsonb_build_array(jsonb_build_object('expertId', $1::text))`,
} as const;

/** The query for the folded state of every case that meets a condition for expert `$1` and whose stage is not one of `$2`. */
export function participatingCasesQuery(condition: ParticipationCondition): string {
  return `SELECT state FROM cases WHERE ${condition} AND stage <> ALL($2::text[])`;
}
