import { Module } from '@nestjs/common';
import { PayloadEncryptionModule } from '../crypto/payload-encryption.module';
import { FieldEncryptionModule } from '../field-encryption/field-encryption.module';
import { CodecController } from './codec.controller';
import { CodecService } from './codec.service';

/** The codec endpoint (`/codec/encode`, `/codec/decode`) for the Temporal UI and CLI. */
@Module({
  imports: [PayloadEncryptionModule, FieldEncryptionModule],
  controllers: [CodecController],
  providers: [CodecService],
})
export class CodecServerModule {}
