import * as os from 'node:os';

/** The machine a run measured on, so that figures from different machines are not compared as if alike. */
export interface MachineDescription {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
  /** The 1, 5 and 15 minute load averages when the run started: other work on a shared machine shows here. */
  readonly loadAverage: readonly number[];
}

/** Describes this machine now. */
export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
}
