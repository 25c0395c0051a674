import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that the kernel says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const bound = probe.address();
      const port = typeof bound === 'object' && bound ? bound.port : undefined;
      probe.close(() => (port ? resolve(port) : reject(new Error('the kernel gave no port'))));
    });
  });
}
