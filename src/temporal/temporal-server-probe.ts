import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { TemporalProbe } from './temporal-probe.port';

/** Pings the Temporal server through the client's connection with the cheapest call it answers. */
@Injectable()
export class TemporalServerProbe implements TemporalProbe {
  constructor(private readonly client: Client) {}

  async ping(): Promise<void> {
    await this.client.connection.workflowService.getSystemInfo({});
  }
}
