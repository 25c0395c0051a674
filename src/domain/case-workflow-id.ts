/** The id of a case's workflow, from its business key: the API, the audit and the worker all spell it this way. */
export const workflowIdFor = (caseId: string): string => `case-${caseId}`;

// A case id is a UUID; what follows it after a dash names a child of the case's workflow, such as an escalation ladder.
const CASE_WORKFLOW_ID = /^case-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-|$)/;

/** The case a workflow id belongs to: the case's own workflow or one of its children; null for any other workflow. */
export function caseIdOfWorkflowId(workflowId: string): string | null {
  return CASE_WORKFLOW_ID.exec(workflowId)?.[1] ?? null;
}
