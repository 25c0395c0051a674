/** The roles a person can hold in Brigade; every API token carries exactly one. */
export const USER_ROLES = ['coordinator', 'expert', 'auditor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Whether a value names one of the user roles. */
export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}
