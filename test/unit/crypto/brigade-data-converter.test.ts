import { ApplicationFailure } from '@temporalio/common';
import { decodeOptionalFailureToOptionalError, encodeErrorToFailure, encodeToPayloads, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { brigadeDataConverter } from '../../../src/crypto/brigade-data-converter';
import { testPayloadCodec } from '../../support/payload-keys';

const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

describe("Brigade's data converter", () => {
  const sut = loadDataConverter(brigadeDataConverter(testPayloadCodec()));
  const marker = 'J. de Boer, wethouder';

  it('encrypts the values it sends', async () => {
    const [payload] = (await encodeToPayloads(sut, { officeHolder: marker }))!;

    expect(text(payload.metadata?.encoding)).toBe('binary/encrypted');
    expect(Buffer.from(payload.data!).includes(marker)).toBe(false);
  });

  it('sends an error message and stack trace only inside the encrypted attributes, and reads them back', async () => {
    const error = ApplicationFailure.create({ type: 'CaseConflict', message: `could not record ${marker}`, nonRetryable: true });

    const failure = await encodeErrorToFailure(sut, error);
    const decoded = await decodeOptionalFailureToOptionalError(sut, failure);

    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    expect(failure.applicationFailureInfo?.type).toBe('CaseConflict');
    expect(text(failure.encodedAttributes?.metadata?.encoding)).toBe('binary/encrypted');
    expect(Buffer.from(failure.encodedAttributes!.data!).includes(marker)).toBe(false);
    expect(decoded).toBeInstanceOf(ApplicationFailure);
    expect(decoded?.message).toBe(`could not record ${marker}`);
  });
});
