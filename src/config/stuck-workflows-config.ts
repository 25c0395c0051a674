import { ConfigError, durationMs, nonEmpty } from './env-values';

/** When a workflow whose task keeps failing counts as stuck, and how often the API looks for such workflows. */
export interface StuckWorkflowsConfig {
  /** The attempt of one workflow task from which its workflow is reported stuck. */
  readonly attempts: number;
  readonly scanIntervalMs: number;
}

/** Reads BRIGADE_STUCK_WORKFLOW_ATTEMPTS (default 3) and BRIGADE_STUCK_WORKFLOW_SCAN_INTERVAL (default 1m). */
export function stuckWorkflowsConfig(env: NodeJS.ProcessEnv): StuckWorkflowsConfig {
  const raw = nonEmpty(env.BRIGADE_STUCK_WORKFLOW_ATTEMPTS);
  // A first failure is often a worker that died mid-task; only a task that failed again is worth a coordinator's look.
  if (raw !== undefined && !/^([2-9]|[1-9][0-9])$/.test(raw)) {
    throw new ConfigError(`BRIGADE_STUCK_WORKFLOW_ATTEMPTS must be a whole number from 2 to 99, got "${raw}"`);
  }
  return { attempts: raw === undefined ? 3 : Number(raw), scanIntervalMs: durationMs(env, 'BRIGADE_STUCK_WORKFLOW_SCAN_INTERVAL', '1m') };
}
