// The names of the database's append function (migration AppendCaseEventsFunction); they live with the schema so that
// the event store reads them from here and the migration needs nothing from the layers above it.

/** The server-side function that records one append: key claim, expected-version check, events, read model and log leaves. */
export const APPEND_FUNCTION = 'append_case_events';

/**
 * The SQLSTATE the append function refuses a wrong expected version with, its DETAIL the stream's actual version. A
 * class of Brigade's own, so that no error PostgreSQL raises itself can be taken for a version conflict.
 */
export const VERSION_CONFLICT_SQLSTATE = 'BR409';
