import type { CaseState } from '../domain/case.state';

/** One event of `GET /cases/:id/timeline`: what happened, who did it, when, and its place in the hash chain. */
export interface TimelineEntry {
  readonly version: number;
  readonly type: string;
  /** Who caused the event; `name` is the person's name from their sign-in, recorded beside the provider's subject. */
  readonly actor: { readonly role: string; readonly id: string; readonly name?: string; readonly via?: 'provider' };
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly hash: string;
  readonly prevHash: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The answer of `GET /cases/:id/timeline`: a case's recorded events, oldest first. */
export interface CaseTimeline {
  readonly caseId: string;
  readonly events: readonly TimelineEntry[];
}

/** The answer of `GET /cases/:id/state`: a case's state as it was at a point in its history. */
export interface CaseStateAt {
  readonly caseId: string;
  /** The last version folded into the state. */
  readonly version: number;
  /** The moment asked for, or when the asked-for version occurred. */
  readonly at: string;
  readonly state: CaseState;
}
