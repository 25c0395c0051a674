import { readableDateTime } from '../../src/i18n/catalogue/render-params';

/**
 * A moment as the screens' date-time fields take it, day first in Dutch time (Europe/Amsterdam) whatever the machine's
 * zone, to the minute: `31-12-2026 19:30`; the server's texts write moments the same way.
 */
export function dayFirstDateTime(date: Date): string {
  return readableDateTime(date.toISOString())!;
}
