import type { Provider } from '@nestjs/common';
import { BrigadeConfig } from '../config/brigade-config';
import { loadLogKeys } from './log-keys';

/** Injection token for the transparency log's keys. */
export const LOG_KEYS = Symbol('LogKeys');

/** Loads the log's keys once per process, generating the embedded default's key on first use. */
export const logKeysProvider: Provider = { provide: LOG_KEYS, inject: [BrigadeConfig], useFactory: loadLogKeys };
