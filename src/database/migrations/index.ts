import { CreateEventStore1764400000000 } from './1764400000000-create-event-store';

/** Every migration, oldest first; TypeORM runs the ones not yet applied on start. */
export const BRIGADE_MIGRATIONS = [CreateEventStore1764400000000];
