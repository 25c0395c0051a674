import { CreateEventStore1764400000000 } from './1764400000000-create-event-store';
import { CreateExperts1764500000000 } from './1764500000000-create-experts';

/** Every migration, oldest first; TypeORM runs the ones not yet applied on start. */
export const BRIGADE_MIGRATIONS = [CreateEventStore1764400000000, CreateExperts1764500000000];
