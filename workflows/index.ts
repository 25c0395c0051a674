/** The workflows this worker runs; the bundler starts here. */
export { supportCase } from './support-case.workflow';
export { escalationLadder } from './escalation-ladder.workflow';
export { archiveCaseHistories } from './history-archive.workflow';
export { retentionReview } from './retention-review.workflow';
