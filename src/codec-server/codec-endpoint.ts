import type { BrigadeConfig } from '../config/brigade-config';

/**
 * The codec endpoint's URL as a browser on this machine reaches it, for the embedded Temporal UI; undefined when this
 * process serves no API or its port is only known once it listens.
 */
export function localCodecEndpoint(config: BrigadeConfig): string | undefined {
  if (!config.runsApi || config.httpPort === 0) return undefined;
  const host = ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(config.httpHost) ? '127.0.0.1' : config.httpHost;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.httpPort}/codec`;
}
