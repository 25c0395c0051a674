/** The id of a case's workflow, from its business key: the API, the audit and the worker all spell it this way. */
export const workflowIdFor = (caseId: string): string => `case-${caseId}`;
