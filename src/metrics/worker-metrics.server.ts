import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BrigadeConfig } from '../config/brigade-config';
import { mayScrape } from './metrics-access';
import { METRICS_CONTENT_TYPE, MetricsExposition } from './metrics-exposition';

/**
 * Serves `/metrics` from a worker-only process, which has no API port, on BRIGADE_WORKER_METRICS_ADDRESS: the worker's
 * process, event-append and Temporal metrics. Its answer also tells a container health check that the worker is alive.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server?: Server;

  constructor(private readonly config: BrigadeConfig, private readonly exposition: MetricsExposition) {}

  async onApplicationBootstrap(): Promise<void> {
    const address = this.config.metrics.workerAddress;
    if (!address) return;
    const server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address.port, address.host, () => resolve());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.logger.log(`worker metrics at http://${address.host.includes(':') ? `[${address.host}]` : address.host}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://worker').pathname;
    if (request.method !== 'GET' || path !== '/metrics') return this.send(response, 404, 'text/plain', 'not found: this port serves GET /metrics only\n');
    if (!mayScrape(this.config.metrics.token, request.headers.authorization)) {
      return this.send(response, 401, 'text/plain', 'this port needs the metrics token (BRIGADE_METRICS_TOKEN) as "Authorization: Bearer <token>"\n');
    }
    try {
      this.send(response, 200, METRICS_CONTENT_TYPE, await this.exposition.text());
    } catch (error) {
      this.send(response, 500, 'text/plain', `metrics could not be collected: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }

  private send(response: ServerResponse, status: number, contentType: string, body: string): void {
    response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body);
  }
}
