import type { UiRole } from './session-types';

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Readonly<Record<UiRole, string>> = {
  coordinator: '/ui/board',
  expert: '/ui/inbox',
  auditor: '/ui/audit',
};
