import type { Language } from '@shared/i18n/index.js';

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

/*
 * Date and time as each language writes them, for text fields that follow the page's
 * language (a browser's own date inputs follow the browser's locale instead).
 */

/** `YYYY-MM-DD` → "07/04/2026" (English: month first) or "04/07/2026" (Spanish: day first). */
export function formatDateField(localDate: string, language: Language): string {
  const [year, month, day] = localDate.split('-');
  return language === 'es' ? `${day}/${month}/${year}` : `${month}/${day}/${year}`;
}

/** "07/04/2026" (en) or "4/7/2026" (es) → `YYYY-MM-DD`; null unless it is a real calendar date. */
export function parseDateField(text: string, language: Language): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [month, day] = language === 'es' ? [second, first] : [first, second];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `HH:mm` → "2:30 PM" (English) or "14:30" (Spanish, 24-hour). */
export function formatTimeField(localTime: string, language: Language): string {
  const [hours, minutes] = localTime.split(':').map(Number) as [number, number];
  if (language === 'es') return `${pad(hours)}:${pad(minutes)}`;
  return `${hours % 12 || 12}:${pad(minutes)} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** "14:30", "2:30 PM", "2:30 p.m.", "2 pm" → `HH:mm`; null for anything else. */
export function parseTimeField(text: string): string | null {
  const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?\s*$/i.exec(text);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const meridiem = match[3]?.toLowerCase();
  if (minutes > 59) return null;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hours > 23 || match[2] === undefined) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}
