import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_RETENTION_RULES, type RetentionRule } from '../domain/retention/retention-rules';
import { InvalidRetentionRulesError, parseRetentionRules } from '../domain/retention/retention-rules-validation';
import { ConfigError, durationMs, nonEmpty } from './env-values';

/** The retention schedule in force, where it came from, and when the daily review runs. */
export interface RetentionConfig {
  readonly rules: readonly RetentionRule[];
  /** The file the rules were read from, or `defaults` for the examples in code. */
  readonly source: string;
  /** The Temporal Schedule's calendar, as a cron line in `timeZone` (five fields). */
  readonly reviewCron: string;
  readonly timeZone: string;
  /** How long a proposed destruction list waits for its two approvals before it lapses and its cases come up again. */
  readonly approvalWindowMs: number;
}

const CRON = /^\S+( \S+){4}$/;

/** Reads the retention settings; a rules file that cannot be read or used fails start-up with the rule and field named. */
export function retentionConfig(env: NodeJS.ProcessEnv, cwd: string): RetentionConfig {
  const file = nonEmpty(env.BRIGADE_RETENTION_RULES_FILE);
  const reviewCron = nonEmpty(env.BRIGADE_RETENTION_REVIEW_CRON) ?? '0 2 * * *';
  if (!CRON.test(reviewCron)) throw new ConfigError(`BRIGADE_RETENTION_REVIEW_CRON must be a five-field cron line such as "0 2 * * *", got "${reviewCron}"`);
  return {
    rules: file === undefined ? DEFAULT_RETENTION_RULES : rulesFromFile(path.resolve(cwd, file)),
    source: file === undefined ? 'defaults' : path.resolve(cwd, file),
    reviewCron,
    timeZone: nonEmpty(env.BRIGADE_RETENTION_TIME_ZONE) ?? 'Europe/Amsterdam',
    approvalWindowMs: durationMs(env, 'BRIGADE_RETENTION_APPROVAL_WINDOW', '30d'),
  };
}

function rulesFromFile(file: string): RetentionRule[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`BRIGADE_RETENTION_RULES_FILE names ${file}, which cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`BRIGADE_RETENTION_RULES_FILE ${file} is not JSON: ${(error as Error).message}`);
  }
  try {
    return parseRetentionRules(parsed);
  } catch (error) {
    if (error instanceof InvalidRetentionRulesError) throw new ConfigError(`BRIGADE_RETENTION_RULES_FILE ${file}: ${error.message}`);
    throw error;
  }
}
