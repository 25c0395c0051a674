/** Injection token of the door through which the health check asks whether Temporal answers. */
export const TEMPORAL_PROBE = Symbol('TemporalProbe');

/** Whether the Temporal server answers at all. */
export interface TemporalProbe {
  /** Resolves once the server has answered; rejects when it cannot be reached. */
  ping(): Promise<void>;
}
