const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm` in the browser's zone: the value a datetime-local input holds. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A datetime-local value as ISO 8601 with the browser's UTC offset
 * (`2026-07-04T14:30:00-07:00`), so the server knows the instant and the reporter's clock.
 * An unparseable value is returned as is for the schema to reject.
 */
export function withLocalOffset(localInput: string): string {
  const date = new Date(localInput);
  if (Number.isNaN(date.getTime())) return localInput;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${toLocalInput(date)}:${pad(date.getSeconds())}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}
