import type { ExpertProfile } from '../domain/expert-profile';

/** Where matching finds the expert pool, each expert with their current workload. */
export interface ExpertDirectory {
  /** Every active expert, in name order. */
  activeProfiles(): Promise<ExpertProfile[]>;
  /** One expert, active or not; null when there is no such expert. */
  profile(expertId: string): Promise<ExpertProfile | null>;
  /** Whether the expert may act: one indexed read, cheap enough for every request; null when there is no such expert. */
  isActive(expertId: string): Promise<boolean | null>;
}

/** Injection token for the expert directory port. */
export const EXPERT_DIRECTORY = Symbol('ExpertDirectory');
