import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { PayloadDecryptionError } from '../crypto/payload-codec.errors';
import { CasePayloadCodec } from '../field-encryption/case-payload-codec';
import type { CodecPayloadsDto } from './dto/codec-payloads.dto';
import { payloadFromJson, payloadToJson } from './payload-json';
import { refusal } from '../http/refusal';

/**
 * Runs Brigade's payload codec for callers outside the process, such as the Temporal UI and CLI. Decoding also opens a
 * case's sealed fields (destroyed ones read as destroyed); encoding, which knows no workflow, only encrypts.
 */
@Injectable()
export class CodecService {
  constructor(private readonly codec: AesGcmPayloadCodec, private readonly caseFields: CasePayloadCodec) {}

  async encode(body: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    return { payloads: (await this.codec.encode(body.payloads.map(payloadFromJson))).map(payloadToJson) };
  }

  async decode(body: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    try {
      return { payloads: (await this.caseFields.decode(await this.codec.decode(body.payloads.map(payloadFromJson)))).map(payloadToJson) };
    } catch (error) {
      // Well-formed, but not decryptable here: the message names the key, never the content.
      if (error instanceof PayloadDecryptionError) throw new UnprocessableEntityException(refusal('payload_undecryptable', { detail: error.message }));
      throw error;
    }
  }
}
