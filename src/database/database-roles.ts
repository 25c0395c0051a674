/** The role whose privileges the application's login holds: read everything, append events, keep the projections. */
export const APP_ROLE = 'brigade_app';

/** The login that owns Brigade's schema and runs its migrations; never a superuser. */
export const OWNER_ROLE = 'brigade_owner';
