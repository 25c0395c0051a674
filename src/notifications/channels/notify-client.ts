import { NotifyClient } from 'notifications-node-client';

// The client sets no timeout of its own, so a Notify that stops answering would hold the activity until Temporal gives up on it.
const NOTIFY_TIMEOUT_MS = 15_000;

type RestClient = Parameters<NotifyClient['setClient']>[0];

/** A NotifyNL/GOV.UK Notify client for this API and key whose requests give up after 15 seconds. */
export function notifyClient(baseUrl: string, apiKey: string): NotifyClient {
  const client = new NotifyClient(baseUrl, apiKey);
  // The client's own HTTP client (axios), copied with a timeout; it is not a dependency Brigade should import itself.
  const ownRestClient = (client.apiClient as { restClient: RestClient }).restClient;
  client.setClient(ownRestClient.create({ timeout: NOTIFY_TIMEOUT_MS }));
  return client;
}
