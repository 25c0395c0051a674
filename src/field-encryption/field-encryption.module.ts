import { Module } from '@nestjs/common';
import { DATA_KEY_STORE, type DataKeyStore } from '../key-store/data-key-store.port';
import { KeyStoreModule } from '../key-store/key-store.module';
import { SealedFieldsOpener } from './sealed-fields-opener';

/** Provides the opener that display paths read sealed fields through, over the configured key store. */
@Module({
  imports: [KeyStoreModule],
  providers: [{ provide: SealedFieldsOpener, inject: [DATA_KEY_STORE], useFactory: (keyStore: DataKeyStore) => new SealedFieldsOpener(keyStore) }],
  exports: [SealedFieldsOpener],
})
export class FieldEncryptionModule {}
