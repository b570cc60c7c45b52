import { localeOf, type Language } from '@shared/i18n/index.js';

/* Times as officers on both sides read them: in a named zone, with its abbreviation. */

/** The zone this browser keeps its clock in. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

const zonePart = (locale: string, timeZone: string, style: Intl.DateTimeFormatOptions['timeZoneName'], at: Date) =>
  formatter(locale, { timeZone, timeZoneName: style })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value ?? '';

/**
 * The zone's abbreviation at that instant, the same in both languages: "PDT", "MST", "CDT"
 * where one is in use, else the offset ("UTC−7", as for Sonora).
 */
export function zoneAbbreviation(timeZone: string, at: Date): string {
  const short = zonePart('en-US', timeZone, 'short', at);
  if (/^[A-Z]{2,5}$/.test(short)) return short;
  const offset = zonePart('en-US', timeZone, 'shortOffset', at).replace('GMT', '');
  return offset ? `UTC${offset.replace('-', '−')}` : 'UTC';
}

/** The zone's name for readers ("Pacific Time", "hora del Pacífico"), never its IANA id. */
export function zoneName(timeZone: string, at: Date, language: Language): string {
  const name = zonePart(localeOf[language], timeZone, 'longGeneric', at);
  // Zones with no name in that language come back as an offset ("GMT+00:00"): the abbreviation reads better.
  return name && !/^GMT[+-−]/.test(name) ? name : zoneAbbreviation(timeZone, at);
}

/** Spanish reads 24-hour clocks; English, 12-hour. One choice per language, so a screen never mixes them. */
const hourCycle = (language: Language) => (language === 'es' ? 'h23' : 'h12');

/** "Jul 4, 2026, 2:30 PM PDT" / "4 jul 2026, 14:30 PDT". */
export function formatDateTimeIn(iso: string, timeZone: string, language: Language): string {
  const at = new Date(iso);
  const text = formatter(localeOf[language], {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: hourCycle(language),
  }).format(at);
  return `${text} ${zoneAbbreviation(timeZone, at)}`;
}

/** "2:30 PM PDT" / "14:30 PDT". */
export function formatClockIn(iso: string, timeZone: string, language: Language): string {
  const at = new Date(iso);
  const text = formatter(localeOf[language], {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: hourCycle(language),
  }).format(at);
  return `${text} ${zoneAbbreviation(timeZone, at)}`;
}
