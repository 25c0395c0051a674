import type { Actor } from '../domain/case.vocabulary';

// Authentication does not exist yet. Every route takes its actor from this file alone, so the issue that adds
// JWT replaces these functions with the token's subject here, and nowhere else.

/** The one coordinator every coordinator action acts as until authentication lands; still recorded on each event. */
export const LOCAL_COORDINATOR: Actor = { role: 'coordinator', id: 'local-coordinator' };

/** The actor of a coordinator action. */
export function coordinatorActor(): Actor {
  return LOCAL_COORDINATOR;
}

/** The actor of an expert action: the expert the request body names. */
export function expertActor(expertId: string): Actor {
  return { role: 'expert', id: expertId };
}

/** The expert the body names when it names one, otherwise the coordinator (for steps either may take). */
export function expertOrCoordinatorActor(expertId: string | undefined | null): Actor {
  return expertId ? expertActor(expertId) : coordinatorActor();
}
