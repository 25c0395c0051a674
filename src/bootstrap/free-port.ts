import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that the kernel says is free right now, for a server that cannot report a port it picked itself. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const bound = probe.address();
      probe.close(() => (typeof bound === 'object' && bound ? resolve(bound.port) : reject(new Error('the kernel gave no port'))));
    });
  });
}
