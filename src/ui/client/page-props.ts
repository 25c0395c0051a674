import type { PathParams } from './path-match';

// Apart from the route table, so that pages can know what they receive without importing the table that imports them.
/** What every page receives: the parameters of its path (`:id` …) and the query string. */
export interface PageProps {
  readonly params: PathParams;
  readonly search: string;
}
