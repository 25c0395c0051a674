import type { NotificationSettingsView } from '../../../api-contracts/notification-settings.contract';
import { apiGet, callApi } from '../api';

const PATH = '/me/notification-preferences';

/** The calls the notification settings screen makes: the expert's own preferences. */
export const notificationSettingsApi = {
  get: (signal: AbortSignal) => apiGet<NotificationSettingsView>(PATH, { signal }),
  save: (body: unknown) => callApi<NotificationSettingsView>('PUT', PATH, { body }),
};
