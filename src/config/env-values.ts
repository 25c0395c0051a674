// Readers of single environment values, each failing with a message that names the variable.

/** Thrown when an environment variable holds a value Brigade cannot use. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const MS_PER_UNIT: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration variable such as `15s`, `2m` or `1h`, in milliseconds. */
export function durationMs(env: NodeJS.ProcessEnv, name: string, fallback: string): number {
  const raw = nonEmpty(env[name]) ?? fallback;
  if (!isDuration(raw)) throw new ConfigError(`${name} must be a duration such as 15s, 2m or 1h, got "${raw}"`);
  return durationSeconds(raw) * 1000;
}

/** The number of seconds in a duration such as `30m`, `8h` or `7d`; the text must pass `isDuration`. */
export function durationSeconds(duration: string): number {
  return (Number(duration.slice(0, -1)) * MS_PER_UNIT[duration.slice(-1)]) / 1000;
}

/** Whether a text is a token lifetime: a positive whole number of seconds, minutes, hours or days. */
export function isDuration(value: string): boolean {
  return /^[1-9][0-9]*[smhd]$/.test(value);
}

/** The trimmed value, or undefined when unset or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}

/** A TCP port variable (0 lets the system choose). */
export function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${name} must be a TCP port between 0 and 65535, got "${raw}"`);
  }
  return value;
}

/** A variable that must be one of a fixed set of words. */
export function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}
