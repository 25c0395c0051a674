import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { ApiErrorResponses } from '../http/api-error-responses';
import { CodecService } from './codec.service';
import { CodecPayloadsDto, MAX_CODEC_PAYLOADS } from './dto/codec-payloads.dto';

const BAD_BODY = `The body is not {"payloads": [{"metadata": {name: base64}, "data": base64}]} with at most ${MAX_CODEC_PAYLOADS} payloads.`;

/** Temporal's remote codec protocol, so the Temporal UI and CLI can show a coordinator the payloads Brigade encrypted. */
@ApiTags('codec')
@ApiHeader({ name: 'X-Namespace', required: false, description: 'The Temporal namespace, as the Temporal UI sends it; Brigade has one key set for all.' })
@Controller('codec')
export class CodecController {
  constructor(private readonly codec: CodecService) {}

  @Post('encode')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiOperation({ summary: 'Encrypt payloads with the active payload key (Temporal remote codec protocol)' })
  @ApiOkResponse({ type: CodecPayloadsDto, description: 'The payloads encrypted, in the same order.' })
  @ApiErrorResponses({ 400: BAD_BODY })
  encode(@Body() body: CodecPayloadsDto) {
    return this.codec.encode(body);
  }

  @Post('decode')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiOperation({ summary: 'Decrypt payloads as Temporal stored them (Temporal remote codec protocol); unencrypted ones come back as they are' })
  @ApiOkResponse({ type: CodecPayloadsDto, description: 'The payloads decrypted, in the same order.' })
  @ApiErrorResponses({ 400: BAD_BODY, 422: 'A payload was encrypted with a key Brigade does not hold, or was altered; the message names the key id.' })
  decode(@Body() body: CodecPayloadsDto) {
    return this.codec.decode(body);
  }
}
