import { Module } from '@nestjs/common';
import { BrigadeConfig } from '../config/brigade-config';
import { AesGcmPayloadCodec } from './aes-gcm-payload-codec';
import { loadPayloadKeys } from './payload-keys';

/** The payload codec, built once from the configured keys or the data folder's, for the Temporal client, worker and codec endpoint. */
@Module({
  providers: [{ provide: AesGcmPayloadCodec, inject: [BrigadeConfig], useFactory: (config: BrigadeConfig) => new AesGcmPayloadCodec(loadPayloadKeys(config)) }],
  exports: [AesGcmPayloadCodec],
})
export class PayloadEncryptionModule {}
