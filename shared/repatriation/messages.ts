import type { BilingualText } from '@shared/errors.js';
import { localeOf as locales, type Language } from '@shared/i18n/define.js';
import { zoneAbbreviation } from '@shared/time-zone.js';
import type { PersonCategory, ViolationCode } from './contract.js';

/**
 * Every sentence the repatriation feature shows, English and Spanish side by side. Times are
 * written at the port's clock with its zone abbreviation, 24-hour in both languages (the
 * console is an operations tool; Spanish always uses 24-hour times).
 */
export type Text = BilingualText;
export type { Language };

export const categoryLabels: Record<PersonCategory, Text> = {
  adult_male: { en: 'adult man', es: 'hombre adulto' },
  adult_female: { en: 'adult woman', es: 'mujer adulta' },
  pregnant: { en: 'pregnant woman', es: 'mujer embarazada' },
  ill: { en: 'ill person', es: 'persona enferma' },
  unaccompanied_minor: { en: 'unaccompanied minor', es: 'menor no acompañado' },
  accompanied_minor: { en: 'accompanied minor', es: 'menor acompañado' },
  ex_convict: { en: 'ex-convict', es: 'exconvicto' },
};

export const violationTitles: Record<ViolationCode, Text> = {
  PORT_NOT_DESIGNATED: { en: 'Port not designated for repatriation', es: 'Puerto no designado para repatriación' },
  OUTSIDE_WINDOW: { en: 'Outside repatriation hours', es: 'Fuera del horario de repatriación' },
  VULNERABLE_OUTSIDE_DAYLIGHT: {
    en: 'Vulnerable person outside daylight hours',
    es: 'Persona vulnerable fuera del horario diurno',
  },
  NON_MEXICAN_NATIONAL: { en: 'Not a Mexican national', es: 'Persona sin nacionalidad mexicana' },
  FAMILY_SPLIT: { en: 'Family would be separated', es: 'Se separaría a una familia' },
  CONSULAR_NOTICE_LATE: { en: 'Consular notice too late', es: 'Notificación consular tardía' },
  EX_CONVICT_NOTICE_LATE: { en: 'Notice for ex-convicts too late', es: 'Aviso tardío para exconvictos' },
  EX_CONVICT_PORT: { en: 'Port not designated for ex-convicts', es: 'Puerto no designado para exconvictos' },
  EX_CONVICT_WITH_MINORS: { en: 'Ex-convicts with minors', es: 'Exconvictos junto con menores' },
  PORT_CLOSED: { en: 'Port closed or restricted', es: 'Puerto cerrado o restringido' },
  CAPACITY_EXCEEDED: { en: 'Window capacity exceeded', es: 'Capacidad de la ventana excedida' },
  TIME_OUT_OF_RANGE: { en: 'Time outside the planning range', es: 'Hora fuera del plazo de planificación' },
};

export const portStatusLabels: Record<'open' | 'restricted' | 'closed', Text> = {
  open: { en: 'open', es: 'abierto' },
  restricted: { en: 'restricted', es: 'restringido' },
  closed: { en: 'closed', es: 'cerrado' },
};

/** ISO weekdays, Monday = 1. */
export const weekdayLabels: Record<number, Text> = {
  1: { en: 'Monday', es: 'lunes' },
  2: { en: 'Tuesday', es: 'martes' },
  3: { en: 'Wednesday', es: 'miércoles' },
  4: { en: 'Thursday', es: 'jueves' },
  5: { en: 'Friday', es: 'viernes' },
  6: { en: 'Saturday', es: 'sábado' },
  7: { en: 'Sunday', es: 'domingo' },
};

// ---- formatting ---------------------------------------------------------------------------

const cache = new Map<string, Intl.DateTimeFormat | Intl.ListFormat | Intl.NumberFormat | Intl.DisplayNames>();
function cached<T extends Intl.DateTimeFormat | Intl.ListFormat | Intl.NumberFormat | Intl.DisplayNames>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value as T;
}

const dateTimeFormat = (language: Language, zone: string, withDate: boolean, withYear = false) =>
  cached(
    `dt:${language}:${zone}:${withDate}:${withYear}`,
    () =>
      new Intl.DateTimeFormat(locales[language], {
        timeZone: zone,
        hourCycle: 'h23',
        hour: '2-digit',
        minute: '2-digit',
        ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
        ...(withYear ? { year: 'numeric' } : {}),
      }),
  );

const yearAt = (ms: number, zone: string) =>
  cached(`year:${zone}`, () => new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric' })).format(ms);

/**
 * Issue 23: a date outside the current year always shows its year ("Fri, Jan 1, 1999, 10:00 PST"),
 * so a mistyped year can't pass unseen. `now` is the present (pure code takes it as an argument);
 * without it, no year is written.
 */
const showsYear = (ms: number, zone: string, now: number | undefined) =>
  now !== undefined && yearAt(ms, zone) !== yearAt(now, zone);

/** "Tue, Mar 3, 20:00 PST" / "mar 3 de mar, 20:00 PST"; with the year when it is not `now`'s year. */
export function formatWhen(ms: number, zone: string, language: Language, now?: number): string {
  return `${dateTimeFormat(language, zone, true, showsYear(ms, zone, now)).format(ms)} ${zoneAbbreviation(zone, ms)}`;
}

/** The zone abbreviations of a range: one, or both when a change of offset falls inside it. */
function rangeZones(start: number, end: number, zone: string): [string, string] {
  const [from, to] = [zoneAbbreviation(zone, start), zoneAbbreviation(zone, end)];
  return from === to ? ['', ` ${to}`] : [` ${from}`, ` ${to}`];
}

/** "08:00–18:00 PST" (both abbreviations when a change of offset falls inside). */
export function formatClockRange(start: number, end: number, zone: string, language: Language): string {
  const clock = dateTimeFormat(language, zone, false);
  const [startZone, endZone] = rangeZones(start, end, zone);
  return `${clock.format(start)}${startZone}–${clock.format(end)}${endZone}`;
}

/** A window occurrence: "Wed, Jun 10, 06:00–22:00 PDT" / "mié 10 de jun, 06:00–22:00 PDT"; the year as in `formatWhen`. */
export function formatWindow(start: number, end: number, zone: string, language: Language, now?: number): string {
  const [startZone, endZone] = rangeZones(start, end, zone);
  const [day, clock] = [
    dateTimeFormat(language, zone, true, showsYear(start, zone, now)),
    dateTimeFormat(language, zone, false),
  ];
  return `${day.format(start)}${startZone}–${clock.format(end)}${endZone}`;
}

const list = (items: readonly string[], language: Language) =>
  cached(`list:${language}`, () => new Intl.ListFormat(locales[language], { type: 'conjunction' })).format(items);

function hours(value: number, language: Language): string {
  const format = cached(
    `num:${language}`,
    () => new Intl.NumberFormat(locales[language], { maximumFractionDigits: 1 }),
  );
  return `${format.format(value)} h`;
}

export const countryName = (code: string, language: Language) =>
  cached(`country:${language}`, () => new Intl.DisplayNames([locales[language]], { type: 'region' })).of(code) ?? code;

/** A person as the officer entered them: numbered from 1 in the order of the form. */
export interface PersonRef {
  index: number;
  category: PersonCategory;
  nationality?: string;
}

export function personLabel(person: PersonRef, language: Language): string {
  const noun = language === 'en' ? 'Person' : 'Persona';
  const details = [categoryLabels[person.category][language]];
  if (person.nationality) details.push(countryName(person.nationality, language));
  return `${noun} ${person.index + 1} (${details.join(', ')})`;
}

const persons = (refs: readonly PersonRef[], language: Language) =>
  list(
    refs.map((ref) => personLabel(ref, language)),
    language,
  );

/** Picks the singular or plural form for `n` people. */
const byCount = <T>(n: number, one: T, many: T) => (n === 1 ? one : many);

const bilingual = (make: (language: Language) => string): Text => ({ en: make('en'), es: make('es') });

// ---- violations ---------------------------------------------------------------------------

/** Where an instant is shown: the port's zone; and the present, so a date of another year shows its year. */
export interface Clock {
  zone: string;
  now?: number | undefined;
}

export interface ElsewhereFamily {
  familyId: string;
  persons: readonly PersonRef[];
  /** The earliest other movement holding this family. */
  at: number;
  zone: string;
  port: string;
}

export const violationMessages = {
  PORT_NOT_DESIGNATED: (p: { port: string }) => ({
    en: `${p.port} is not a designated repatriation point: no local arrangement includes it.`,
    es: `${p.port} no es un punto designado para repatriación: ningún arreglo local lo incluye.`,
  }),

  OUTSIDE_WINDOW: (p: { port: string; at: number } & Clock) =>
    bilingual((l) =>
      l === 'en'
        ? `${formatWhen(p.at, p.zone, l, p.now)} is outside the repatriation hours at ${p.port}.`
        : `El horario de repatriación en ${p.port} no incluye el ${formatWhen(p.at, p.zone, l, p.now)}.`,
    ),

  VULNERABLE_OUTSIDE_DAYLIGHT: (
    p: { persons: readonly PersonRef[]; at: number; daylight: { start: number; end: number } | null } & Clock,
  ) =>
    bilingual((l) => {
      const who = persons(p.persons, l);
      const n = p.persons.length;
      if (!p.daylight) {
        return l === 'en'
          ? `${who} may be repatriated only in daylight hours, and this window has none that day.`
          : `${who} solo ${byCount(n, 'puede', 'pueden')} ser ${byCount(n, 'repatriada', 'repatriadas')} en horario diurno, y esta ventana no tiene horario diurno ese día.`;
      }
      const daylight = formatClockRange(p.daylight.start, p.daylight.end, p.zone, l);
      return l === 'en'
        ? `${who} may be repatriated only in daylight hours (${daylight}); ${formatWhen(p.at, p.zone, l, p.now)} is outside them.`
        : `${who} solo ${byCount(n, 'puede', 'pueden')} ser ${byCount(n, 'repatriada', 'repatriadas')} en horario diurno (${daylight}); ${formatWhen(p.at, p.zone, l, p.now)} queda fuera.`;
    }),

  NON_MEXICAN_NATIONAL: (p: { persons: readonly PersonRef[] }) =>
    bilingual((l) => {
      const n = p.persons.length;
      return l === 'en'
        ? `${persons(p.persons, l)} ${byCount(n, 'is not a Mexican national', 'are not Mexican nationals')}; only Mexican nationals are repatriated to Mexico.`
        : `${persons(p.persons, l)} no ${byCount(n, 'tiene', 'tienen')} nacionalidad mexicana; a México solo se repatría a personas de nacionalidad mexicana.`;
    }),

  FAMILY_SPLIT: (p: {
    elsewhere: readonly ElsewhereFamily[];
    withoutAdult: readonly PersonRef[];
    now?: number | undefined;
  }) =>
    bilingual((l) => {
      const sentences = p.elsewhere.map((family) => {
        const n = family.persons.length;
        const when = formatWhen(family.at, family.zone, l, p.now);
        return l === 'en'
          ? `${persons(family.persons, l)} ${byCount(n, 'belongs', 'belong')} to family “${family.familyId}”, already in the movement planned for ${when} at ${family.port}; a family travels together in one movement.`
          : `${persons(family.persons, l)} ${byCount(n, 'pertenece', 'pertenecen')} a la familia «${family.familyId}», ya incluida en el movimiento previsto para el ${when} en ${family.port}; una familia viaja unida en un solo movimiento.`;
      });
      if (p.withoutAdult.length) {
        const n = p.withoutAdult.length;
        sentences.push(
          l === 'en'
            ? `${persons(p.withoutAdult, l)} ${byCount(n, 'travels', 'travel')} without an adult of the same family in this movement.`
            : `${persons(p.withoutAdult, l)} ${byCount(n, 'viaja', 'viajan')} sin un adulto de su familia en este movimiento.`,
        );
      }
      return sentences.join(' ');
    }),

  CONSULAR_NOTICE_LATE: (p: { notice: number; at: number; requiredHours: number } & Clock) =>
    bilingual((l) => {
      const notice = formatWhen(p.notice, p.zone, l, p.now);
      const required = hours(p.requiredHours, l);
      if (p.notice > p.at) {
        return l === 'en'
          ? `The Mexican consulate was notified after the departure (${notice}); this arrangement requires ${required} of notice.`
          : `El consulado de México fue notificado después de la salida (${notice}); este arreglo exige ${required} de anticipación.`;
      }
      const lead = hours((p.at - p.notice) / 3_600_000, l);
      return l === 'en'
        ? `The Mexican consulate was notified ${lead} before departure (${notice}); this arrangement requires ${required}.`
        : `El consulado de México fue notificado ${lead} antes de la salida (${notice}); este arreglo exige ${required}.`;
    }),

  EX_CONVICT_NOTICE_LATE: (
    p: { persons: readonly PersonRef[]; notice: number; at: number; requiredHours: number } & Clock,
  ) =>
    bilingual((l) => {
      const who = persons(p.persons, l);
      const notice = formatWhen(p.notice, p.zone, l, p.now);
      const required = hours(p.requiredHours, l);
      const lead = p.notice > p.at ? null : hours((p.at - p.notice) / 3_600_000, l);
      if (l === 'en') {
        return `${who}: ex-convicts need ${required} of notice to the Mexican consulate; it was given ${lead ? `${lead} before departure` : 'after departure'} (${notice}).`;
      }
      return `${who}: los exconvictos requieren ${required} de aviso al consulado de México; se dio ${lead ? `${lead} antes de la salida` : 'después de la salida'} (${notice}).`;
    }),

  EX_CONVICT_PORT: (p: { persons: readonly PersonRef[]; port: string; designated: readonly string[] }) =>
    bilingual((l) => {
      const who = persons(p.persons, l);
      if (!p.designated.length) {
        return l === 'en'
          ? `${who}: this arrangement designates no port for ex-convicts.`
          : `${who}: este arreglo no designa ningún puerto para exconvictos.`;
      }
      return l === 'en'
        ? `${who}: ex-convicts are repatriated only through ${list(p.designated, l)}; not through ${p.port}.`
        : `${who}: los exconvictos solo se repatrían por ${list(p.designated, l)}; no por ${p.port}.`;
    }),

  EX_CONVICT_WITH_MINORS: (p: { exConvicts: readonly PersonRef[]; minors: readonly PersonRef[] }) =>
    bilingual((l) =>
      l === 'en'
        ? `${persons(p.exConvicts, l)} may not travel in the same movement as minors: ${persons(p.minors, l)}.`
        : `${persons(p.exConvicts, l)} no ${byCount(p.exConvicts.length, 'puede', 'pueden')} viajar en el mismo movimiento que menores: ${persons(p.minors, l)}.`,
    ),

  PORT_CLOSED: (p: { port: string; status: 'restricted' | 'closed' }) =>
    bilingual((l) => {
      const status = portStatusLabels[p.status][l];
      return l === 'en'
        ? `${p.port} is ${status}; no repatriation goes through it until it reopens.`
        : `${p.port} está ${status}; no se repatría por ahí hasta que vuelva a abrir.`;
    }),

  CAPACITY_EXCEEDED: (p: { planned: number; count: number; capacity: number; start: number; end: number } & Clock) =>
    bilingual((l) => {
      const window = formatWindow(p.start, p.end, p.zone, l, p.now);
      return l === 'en'
        ? `The window ${window} already has ${p.planned} ${byCount(p.planned, 'person', 'persons')} planned; ${p.count} more would exceed its capacity of ${p.capacity}.`
        : `La ventana ${window} ya tiene ${p.planned} ${byCount(p.planned, 'persona prevista', 'personas previstas')}; ${p.count} más superarían su capacidad de ${p.capacity}.`;
    }),

  TIME_OUT_OF_RANGE: (
    p: { at: number; now: number; earliest: number; latest: number; graceHours: number; horizonDays: number } & Clock,
  ) =>
    bilingual((l) => {
      const when = formatWhen(p.at, p.zone, l, p.now);
      const [earliest, latest] = [formatWhen(p.earliest, p.zone, l, p.now), formatWhen(p.latest, p.zone, l, p.now)];
      const grace = hours(p.graceHours, l);
      if (p.at < p.earliest) {
        return l === 'en'
          ? `${when} has already passed: a movement is planned from ${grace} before now (${earliest}) up to ${p.horizonDays} days ahead.`
          : `El ${when} ya pasó: un movimiento se prevé desde ${grace} antes del momento actual (${earliest}) hasta ${p.horizonDays} días después.`;
      }
      return l === 'en'
        ? `${when} is more than ${p.horizonDays} days ahead: a movement is planned at most ${p.horizonDays} days ahead (until ${latest}).`
        : `El ${when} está a más de ${p.horizonDays} días: un movimiento se prevé con un máximo de ${p.horizonDays} días de anticipación (hasta el ${latest}).`;
    }),
} satisfies Record<ViolationCode, (params: never) => Text>;

// ---- validation ---------------------------------------------------------------------------

/** Field messages of the contract's own refinements (zod's built-in checks use the i18n catalogue). */
export const validationMessages = {
  wallClockTime: {
    en: 'must be a time of day from 00:00 to 23:59',
    es: 'debe ser una hora del día entre 00:00 y 23:59',
  },
  countryCode: {
    en: 'must be an ISO 3166-1 country code, e.g. MX',
    es: 'debe ser un código de país ISO 3166-1, p. ej. MX',
  },
  daylightOrder: {
    en: 'must be later than the start: the daylight window does not cross midnight',
    es: 'debe ser posterior al inicio: el horario diurno no cruza la medianoche',
  },
  exConvictPorts: { en: 'must be ports of this arrangement', es: 'deben ser puertos de este arreglo' },
  rangeOrder: { en: 'must be later than from', es: 'debe ser posterior al inicio del intervalo (from)' },
  rangeLength: (days: number): Text => ({
    en: `must be at most ${days} days after from`,
    es: `debe quedar a no más de ${days} días del inicio del intervalo (from)`,
  }),
  listedTwice: (value: string | number): Text => ({ en: `lists ${value} twice`, es: `incluye ${value} dos veces` }),
  oneOfPortOrArrangement: {
    en: 'give either a port or an arrangement, not both',
    es: 'indique un puerto (port) o un arreglo (arrangement), no ambos',
  },
  windowsOverlap: (
    a: { index: number; start: string; end: string },
    b: { index: number; start: string; end: string },
    day: number,
  ): Text => ({
    en: `windows ${a.index + 1} (${a.start}–${a.end}) and ${b.index + 1} (${b.start}–${b.end}) overlap on ${weekdayLabels[day]!.en}`,
    es: `las ventanas ${a.index + 1} (${a.start}–${a.end}) y ${b.index + 1} (${b.start}–${b.end}) se traslapan el ${weekdayLabels[day]!.es}`,
  }),
};
