import { Module } from '@nestjs/common';
import { BrigadeConfig } from '../config/brigade-config';
import { dataKeyStoreFor } from './data-key-store.factory';
import { DATA_KEY_STORE } from './data-key-store.port';

/** The data key store, built once from the configuration, for whatever seals or unseals sensitive fields. */
@Module({
  providers: [{ provide: DATA_KEY_STORE, inject: [BrigadeConfig], useFactory: (config: BrigadeConfig) => dataKeyStoreFor(config.keyStore) }],
  exports: [DATA_KEY_STORE],
})
export class KeyStoreModule {}
