/**
 * The longest free texts a case records, in characters: a short reason or note, and a longer account (an outcome, notes,
 * a summary). The API's validation and the workflow's decisions both hold texts to these.
 */
export const CASE_TEXT_LIMITS = { reason: 2000, account: 5000 } as const;
