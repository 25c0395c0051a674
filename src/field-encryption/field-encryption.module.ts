import { Module } from '@nestjs/common';
import { DATA_KEY_STORE, type DataKeyStore } from '../key-store/data-key-store.port';
import { KeyStoreModule } from '../key-store/key-store.module';
import { CasePayloadCodec } from './case-payload-codec';
import { ExpertMessageSealer } from './expert-message-sealer';
import { SealedFieldsOpener } from './sealed-fields-opener';

/** Provides, over the configured key store, the opener that display paths read sealed fields through, and the codec that seals them in Temporal's payloads. */
@Module({
  imports: [KeyStoreModule],
  providers: [
    { provide: SealedFieldsOpener, inject: [DATA_KEY_STORE], useFactory: (keyStore: DataKeyStore) => new SealedFieldsOpener(keyStore) },
    { provide: CasePayloadCodec, inject: [DATA_KEY_STORE], useFactory: (keyStore: DataKeyStore) => new CasePayloadCodec(keyStore) },
    { provide: ExpertMessageSealer, inject: [DATA_KEY_STORE], useFactory: (keyStore: DataKeyStore) => new ExpertMessageSealer(keyStore) },
  ],
  exports: [SealedFieldsOpener, CasePayloadCodec, ExpertMessageSealer],
})
export class FieldEncryptionModule {}
