/**
 * The open cases a deactivation must reach: every case the expert takes part in (an open offer, an open task, a place on
 * the team), and every case in matching, whose pool read may predate the deactivation and is about to offer it to them.
 * Each participation test is the jsonb containment the GIN indexes of migration IndexCaseParticipants cover.
 */
export const OPEN_CASES_OF_EXPERT = `
  SELECT case_id FROM cases
  WHERE stage <> ALL($2::text[])
    AND (stage = 'Matching'
      OR state->'openOffers' @> jsonb_build_array(jsonb_build_object('expertId', $1::text))
      OR state->'tasks' @> jsonb_build_array(jsonb_build_object('assigneeId', $1::text, 'status', 'open'))
      OR state->'team' @> jsonb_build_array(jsonb_build_object('expertId', $1::text)))
  ORDER BY case_id`;
