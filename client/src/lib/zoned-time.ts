import { localeOf, type Language } from '@shared/i18n/index.js';
import { zoneAbbreviation } from '@shared/time-zone.js';

/* Times as officers on both sides read them: in a named zone, with its abbreviation. */

// The console's one spelling of a zone (shared/time-zone.ts), for the client's components.
export { zoneAbbreviation, zoneName } from '@shared/time-zone.js';

/** The zone this browser keeps its clock in. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Spanish reads 24-hour clocks; English, 12-hour. One choice per language, so a screen never mixes them. */
const hourCycle = (language: Language) => (language === 'es' ? 'h23' : 'h12');

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * `at` in `timeZone` with the given fields, in the reader's language and hour cycle, without
 * the zone (add it with `zoneAbbreviation`, never with Intl's `timeZoneName`).
 */
export function formatInZone(
  at: Date,
  timeZone: string,
  language: Language,
  fields: Omit<Intl.DateTimeFormatOptions, 'timeZone' | 'timeZoneName' | 'hourCycle' | 'hour12'>,
): string {
  const options: Intl.DateTimeFormatOptions = { ...fields, timeZone, hourCycle: hourCycle(language) };
  const key = `${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(localeOf[language], options)));
  return format.format(at);
}

const clockFields = { hour: 'numeric', minute: '2-digit' } as const;

/** "Jul 4, 2026, 2:30 PM PDT" / "4 jul 2026, 14:30 PDT". */
export function formatDateTimeIn(iso: string, timeZone: string, language: Language): string {
  const at = new Date(iso);
  const text = formatInZone(at, timeZone, language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...clockFields,
  });
  return `${text} ${zoneAbbreviation(timeZone, at)}`;
}

/** "2:30 PM PDT" / "14:30 PDT". */
export function formatClockIn(iso: string, timeZone: string, language: Language): string {
  const at = new Date(iso);
  return `${formatInZone(at, timeZone, language, clockFields)} ${zoneAbbreviation(timeZone, at)}`;
}

/**
 * Whether two zones' clocks read the same at `iso` (Arizona's MST and Sonora's UTC−7 do all
 * year): one time is then enough, whatever each zone is called.
 */
export function sameWallClock(iso: string, zoneA: string, zoneB: string): boolean {
  const at = new Date(iso);
  const fields = { year: 'numeric', month: 'numeric', day: 'numeric', ...clockFields } as const;
  return formatInZone(at, zoneA, 'en', fields) === formatInZone(at, zoneB, 'en', fields);
}
