import { Injectable, OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { BrigadeConfig } from '../config/brigade-config';
import { RuntimeConnections } from '../config/runtime-connections';

/** Provides one Temporal client per process, connected to the resolved frontend address. */
export const temporalClientProvider: Provider = {
  provide: Client,
  inject: [BrigadeConfig, RuntimeConnections],
  useFactory: async (config: BrigadeConfig, connections: RuntimeConnections) => {
    const connection = await Connection.connect({ address: connections.temporalAddress });
    return new Client({ connection, namespace: config.temporalNamespace });
  },
};

/** Closes the client's connection when the application shuts down. */
@Injectable()
export class TemporalClientLifecycle implements OnApplicationShutdown {
  constructor(private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
