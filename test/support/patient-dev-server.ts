import { startTemporalDevServer, type TemporalDevServer, type TemporalDevServerOptions } from '../../src/temporal/temporal-dev-server';

const ATTEMPTS = 3;
const PAUSE_MS = 1_000;

/**
 * Starts the Temporal dev server, trying again when it exits before serving. Tests give it random free ports, and the
 * server picks random free ports of its own for its internal services (as the system does for outgoing connections),
 * so once in a while one of them takes a port the test chose between our check and the server's bind; a moment later
 * a second start goes through.
 */
export async function startDevServerPatiently(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  for (let attempt = 1; ; attempt++) {
    let output = '';
    try {
      return await startTemporalDevServer({ ...options, log: (line) => (output += `${line}\n`) });
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
      console.warn(`the Temporal dev server did not start (attempt ${attempt} of ${ATTEMPTS}), trying again: ${String(error)}\n${output.slice(-1_000)}`);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }
}
