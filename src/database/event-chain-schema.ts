// The names the database's chain guard (migration GuardEventChain) is built from; they live with the schema so that
// the event store reads them from here and the migrations need nothing from the layers above them.

/** The `prev_hash` of every case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The constraint name that the database's chain guard gives its refusals, so a store can tell them from other errors. */
export const CHAIN_LINK_CONSTRAINT = 'case_events_chain_link';
