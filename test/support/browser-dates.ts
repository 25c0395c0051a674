/** A moment as the screens' date-time fields take it, day first in the browser's zone, to the minute: `31-12-2026 19:30`. */
export function dayFirstDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
