import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { BrigadeConfig } from '../config/brigade-config';
import { RuntimeConnections } from '../config/runtime-connections';
import { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { brigadeDataConverter } from '../crypto/brigade-data-converter';
import { CasePayloadCodec } from '../field-encryption/case-payload-codec';
import { tracingClientInterceptors } from '../tracing/temporal-tracing';
import { ensureSearchAttributes } from './search-attributes';

/** Provides one Temporal client per process, connected to the resolved frontend address, sealing and encrypting what it sends. */
export const temporalClientProvider: Provider = {
  provide: Client,
  inject: [BrigadeConfig, RuntimeConnections, AesGcmPayloadCodec, CasePayloadCodec],
  useFactory: async (config: BrigadeConfig, connections: RuntimeConnections, codec: AesGcmPayloadCodec, caseFields: CasePayloadCodec) => {
    const connection = await Connection.connect({ address: connections.temporalAddress });
    const dataConverter = brigadeDataConverter(codec, caseFields);
    return new Client({ connection, namespace: config.temporalNamespace, dataConverter, interceptors: tracingClientInterceptors() });
  },
};

/** Registers Brigade's search attributes once the app is up, and closes the client's connection on shutdown. */
@Injectable()
export class TemporalClientLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Temporal');

  constructor(private readonly client: Client, private readonly config: BrigadeConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const added = await ensureSearchAttributes(this.client.connection as Connection, this.config.temporalNamespace);
    if (added.length > 0) this.logger.log(`registered search attributes ${added.join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
