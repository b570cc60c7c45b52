import { localeOf, type Language } from '@shared/i18n/define.js';

/*
 * How the console writes a zone (issue 23: one zone was spelled "PST", "GMT-8", "UTC−7" and
 * "Mexican Pacific Standard Time" on four screens). Every screen, the server's sentences and
 * both languages take the spelling from here.
 */

const cache = new Map<string, Intl.DateTimeFormat>();
function zonePart(locale: string, timeZone: string, style: 'short' | 'shortOffset' | 'long', at: Date | number) {
  const key = `${locale}|${timeZone}|${style}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style })));
  return format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** The English short name when the time-zone data has a letter abbreviation for it ("PDT", "MST"), else null. */
function letterAbbreviation(timeZone: string, at: Date | number): string | null {
  const short = zonePart('en-US', timeZone, 'short', at);
  return /^[A-Z]{2,5}$/.test(short) ? short : null;
}

/**
 * The zone at that instant as both sides' clocks and schedules print it, the same in both
 * languages: its abbreviation where one is in use ("PST", "PDT", "MST", "CST", "CDT"), else
 * its offset from UTC with a real minus sign ("UTC−7", as for Sonora, whose "GMT-7" the
 * browser would otherwise print in one place and not in another).
 */
export function zoneAbbreviation(timeZone: string, at: Date | number): string {
  const letters = letterAbbreviation(timeZone, at);
  if (letters) return letters;
  const offset = zonePart('en-US', timeZone, 'shortOffset', at).replace(/^GMT/, '').replace('-', '−');
  return `UTC${offset}`;
}

/**
 * The zone's name for readers (a tooltip, "Time zone: …"), never its IANA id and never at odds
 * with `zoneAbbreviation`: where the zone has an abbreviation, that abbreviation spelled out in
 * the reader's language ("Pacific Daylight Time" / "hora de verano del Pacífico" for PDT); where
 * it has none, the same offset ("UTC−7"). The names the time-zone data has for those zones
 * ("Mexican Pacific Standard Time" for Sonora) name a clock neither side's schedule prints, and
 * read as Pacific time (UTC−8) beside a UTC−7 clock.
 */
export function zoneName(timeZone: string, at: Date | number, language: Language): string {
  return letterAbbreviation(timeZone, at)
    ? zonePart(localeOf[language], timeZone, 'long', at)
    : zoneAbbreviation(timeZone, at);
}
