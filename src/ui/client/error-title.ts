import type { ApiError } from './api-error';
import type { Messages } from './i18n/messages';

/**
 * The heading of a refusal: one with field problems, whether the screen's own checks found them before anything was
 * sent or the API answered 400 with them, asks the reader to check their input; anything else went wrong.
 */
export function errorTitle(error: ApiError, m: Pick<Messages, 'errors'>): string {
  return error.fields.length > 0 ? m.errors.inputTitle : m.errors.title;
}
