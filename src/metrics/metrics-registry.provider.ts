import type { Provider } from '@nestjs/common';
import { Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One Prometheus registry per application, holding Node's process metrics (CPU, memory, event loop, GC) and Brigade's
 * own; a registry of its own rather than prom-client's global one, so two apps in one process never clash.
 */
export const metricsRegistryProvider: Provider = {
  provide: Registry,
  useFactory: () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    return registry;
  },
};
