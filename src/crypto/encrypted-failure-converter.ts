import { DefaultFailureConverter } from '@temporalio/common';

/**
 * The failure converter Brigade's client, worker and workflows share: error messages and stack traces travel as an
 * encoded payload, so the payload codec encrypts them like any other data. Bundled into the workflow code, so it
 * imports nothing but the SDK.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
