import { Inject, Injectable } from '@nestjs/common';
import { DatabasePing } from '../database/database-ping';
import { TEMPORAL_PROBE, type TemporalProbe } from '../temporal/temporal-probe.port';

/** The state of each dependency, and of the whole. */
export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly database: 'up' | 'down';
  readonly temporal: 'up' | 'down';
}

const CHECK_TIMEOUT_MS = 2_000;

/** Checks Brigade's dependencies with a short timeout each, so a dead dependency answers fast instead of hanging. */
@Injectable()
export class HealthService {
  constructor(private readonly database: DatabasePing, @Inject(TEMPORAL_PROBE) private readonly temporal: TemporalProbe) {}

  async check(): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([
      probe(() => this.database.ping()),
      probe(() => this.temporal.ping()),
    ]);
    return { status: database === 'up' && temporal === 'up' ? 'ok' : 'degraded', database, temporal };
  }
}

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
