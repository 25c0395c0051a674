import type { DataConverter, PayloadCodec } from '@temporalio/common';

/** The module the worker loads, and the workflow bundle embeds, as the failure converter. */
export const ENCRYPTED_FAILURE_CONVERTER_PATH = require.resolve('./encrypted-failure-converter');

/**
 * How Brigade writes and reads Temporal payloads everywhere: through the codec, with failures' texts encoded too. With
 * `caseFields`, a case's sensitive fields are sealed under its data keys first, inside the codec's encryption.
 */
export function brigadeDataConverter(codec: PayloadCodec, caseFields?: PayloadCodec): DataConverter {
  return { payloadCodecs: caseFields ? [caseFields, codec] : [codec], failureConverterPath: ENCRYPTED_FAILURE_CONVERTER_PATH };
}
