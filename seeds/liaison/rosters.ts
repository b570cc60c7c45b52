import { Temporal } from 'temporal-polyfill';
import type { Country } from '@shared/auth.js';
import type {
  Commitment,
  Contact,
  IntendedGap,
  Meeting,
  Member,
  MemberRole,
  Override,
  Shift,
} from '@shared/liaison/contract.js';
import { wallClockInstant } from '@shared/liaison/rotation.js';
import { blmTimeZones, interiorMechanisms, type BlmId } from './mechanisms.js';

/*
 * Demo rosters (issue 15): every mechanism gets a plausible, FICTIONAL roster on both
 * sides — roles from border-reference.json (consuls chair; Border Patrol, port directors,
 * INM delegates, Grupo Beta, police, prosecutors take part), invented names — and weekly
 * rotations that cover the whole week on both sides, so "on duty now" answers at any
 * instant. Pure data: `liaisonSeed(now)` writes nothing; dates are relative to `now`.
 *
 * Phone numbers are fictional:
 * - U.S.: 555-0100 … 555-0199 in the local area code, the range NANPA reserves for
 *   fiction.
 * - Mexico has no reserved range. Numbers here are "<area code> 000 01xx": Mexican
 *   subscriber numbers do not begin with 0 after the area code, so none is assigned;
 *   they are still valid in format, which the validation needs.
 * Emails use the reserved `.example` top-level domain (RFC 2606).
 */

export interface LiaisonSeed {
  mechanismId: string;
  timeZone: string;
  members: Member[];
  shifts: Shift[];
  overrides: Override[];
  intendedGaps: IntendedGap[];
  meetings: Meeting[];
  commitments: Commitment[];
}

interface Locality {
  usArea: string;
  mxArea: string;
  mxState: string;
  mxCity: string;
  /** The U.S. consular post that covers the Mexican sister city. */
  usConsulate: string;
  mxConsulate: string;
  sector: string;
  port: string;
  usPolice: string;
  mxPolice: string;
}

const localities: Record<BlmId, Locality> = {
  'san-diego-tijuana': {
    usArea: '619',
    mxArea: '664',
    mxState: 'Baja California',
    mxCity: 'Tijuana',
    usConsulate: 'U.S. Consulate General Tijuana',
    mxConsulate: 'Consulado General de México en San Diego',
    sector: 'San Diego Sector',
    port: 'San Ysidro',
    usPolice: 'San Diego Police Department',
    mxPolice: 'Secretaría de Seguridad Ciudadana de Tijuana',
  },
  'calexico-mexicali': {
    usArea: '760',
    mxArea: '686',
    mxState: 'Baja California',
    mxCity: 'Mexicali',
    usConsulate: 'U.S. Consulate General Tijuana',
    mxConsulate: 'Consulado de México en Calexico',
    sector: 'El Centro Sector',
    port: 'Calexico',
    usPolice: 'Calexico Police Department',
    mxPolice: 'Policía Municipal de Mexicali',
  },
  'nogales-nogales': {
    usArea: '520',
    mxArea: '631',
    mxState: 'Sonora',
    mxCity: 'Nogales',
    usConsulate: 'U.S. Consulate Nogales',
    mxConsulate: 'Consulado de México en Nogales, Arizona',
    sector: 'Tucson Sector',
    port: 'Nogales',
    usPolice: 'Santa Cruz County Sheriff’s Office',
    mxPolice: 'Policía Municipal de Nogales',
  },
  'douglas-agua-prieta': {
    usArea: '520',
    mxArea: '633',
    mxState: 'Sonora',
    mxCity: 'Agua Prieta',
    usConsulate: 'U.S. Consulate Nogales',
    mxConsulate: 'Consulado de México en Douglas',
    sector: 'Tucson Sector',
    port: 'Douglas',
    usPolice: 'Cochise County Sheriff’s Office',
    mxPolice: 'Policía Municipal de Agua Prieta',
  },
  'el-paso-ciudad-juarez': {
    usArea: '915',
    mxArea: '656',
    mxState: 'Chihuahua',
    mxCity: 'Ciudad Juárez',
    usConsulate: 'U.S. Consulate General Ciudad Juárez',
    mxConsulate: 'Consulado General de México en El Paso',
    sector: 'El Paso Sector',
    port: 'El Paso',
    usPolice: 'El Paso Police Department',
    mxPolice: 'Secretaría de Seguridad Pública Municipal de Juárez',
  },
  'del-rio-ciudad-acuna': {
    usArea: '830',
    mxArea: '877',
    mxState: 'Coahuila',
    mxCity: 'Ciudad Acuña',
    usConsulate: 'U.S. Consulate Nuevo Laredo',
    mxConsulate: 'Consulado de México en Del Rio',
    sector: 'Del Rio Sector',
    port: 'Del Rio',
    usPolice: 'Val Verde County Sheriff’s Office',
    mxPolice: 'Policía Municipal de Acuña',
  },
  'eagle-pass-piedras-negras': {
    usArea: '830',
    mxArea: '878',
    mxState: 'Coahuila',
    mxCity: 'Piedras Negras',
    usConsulate: 'U.S. Consulate Nuevo Laredo',
    mxConsulate: 'Consulado de México en Eagle Pass',
    sector: 'Del Rio Sector',
    port: 'Eagle Pass',
    usPolice: 'Eagle Pass Police Department',
    mxPolice: 'Policía Municipal de Piedras Negras',
  },
  'laredo-nuevo-laredo': {
    usArea: '956',
    mxArea: '867',
    mxState: 'Tamaulipas',
    mxCity: 'Nuevo Laredo',
    usConsulate: 'U.S. Consulate Nuevo Laredo',
    mxConsulate: 'Consulado General de México en Laredo',
    sector: 'Laredo Sector',
    port: 'Laredo',
    usPolice: 'Laredo Police Department',
    mxPolice: 'Policía Municipal de Nuevo Laredo',
  },
  'mcallen-reynosa': {
    usArea: '956',
    mxArea: '899',
    mxState: 'Tamaulipas',
    mxCity: 'Reynosa',
    usConsulate: 'U.S. Consulate Matamoros',
    mxConsulate: 'Consulado de México en McAllen',
    sector: 'Rio Grande Valley Sector',
    port: 'Hidalgo',
    usPolice: 'McAllen Police Department',
    mxPolice: 'Policía Municipal de Reynosa',
  },
  'brownsville-matamoros': {
    usArea: '956',
    mxArea: '868',
    mxState: 'Tamaulipas',
    mxCity: 'Matamoros',
    usConsulate: 'U.S. Consulate Matamoros',
    mxConsulate: 'Consulado de México en Brownsville',
    sector: 'Rio Grande Valley Sector',
    port: 'Brownsville',
    usPolice: 'Brownsville Police Department',
    mxPolice: 'Policía Municipal de Matamoros',
  },
};

// ——— fictional people ———

const usGiven = [
  'Dana',
  'Marcus',
  'Elena',
  'Robert',
  'Kim',
  'Luis',
  'Teresa',
  'Alan',
  'Monica',
  'Victor',
  'Grace',
  'Hector',
  'Paula',
  'Dennis',
  'Rosa',
  'Curtis',
  'Irene',
  'Jorge',
  'Laura',
  'Wes',
];
const usFamily = [
  'Whitfield',
  'Alvarado',
  'Brennan',
  'Castillo',
  'Dorsey',
  'Escobedo',
  'Fenwick',
  'Galindo',
  'Hartley',
  'Ibarra',
  'Jessup',
  'Kowalski',
  'Landry',
  'Medina',
  'Novak',
  'Ochoa',
  'Pruitt',
  'Quintero',
  'Rowe',
  'Salcedo',
];
const mxGiven = [
  'Ana Lucía',
  'José Ángel',
  'María Fernanda',
  'Luis Alberto',
  'Claudia',
  'Rodrigo',
  'Verónica',
  'Héctor',
  'Mónica',
  'Arturo',
  'Gabriela',
  'Raúl',
  'Patricia',
  'Jesús',
  'Adriana',
  'Francisco',
  'Leticia',
  'Ernesto',
  'Rocío',
  'Sergio',
];
const mxSurnames = [
  'Ramírez',
  'Soto',
  'Núñez',
  'Peña',
  'Villarreal',
  'Treviño',
  'Garza',
  'Ochoa',
  'Cárdenas',
  'Beltrán',
  'Zamora',
  'Esquivel',
  'Montoya',
  'Quiroga',
  'Salinas',
  'Ávila',
  'Rentería',
  'Bustamante',
  'Olvera',
  'Tapia',
];

/**
 * Invented name n: U.S. "Given Family", Mexican "Nombre Paterno Materno". The family name
 * shifts by one every 20 people, so no combination repeats below 400 people.
 */
function fictionalName(country: Country, n: number): { name: string; familyName: string } {
  const [given, family] = [n % 20, (Math.floor(n / 20) + n * 7) % 20];
  if (country === 'US') return { name: `${usGiven[given]} ${usFamily[family]}`, familyName: usFamily[family]! };
  const familyName = `${mxSurnames[family]} ${mxSurnames[(family + given + 3) % 20]}`;
  return { name: `${mxGiven[given]} ${familyName}`, familyName };
}

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Hands out fictional numbers: +1 AAA 555 01nn and +52 AAA 000 01nn, never twice. */
class FictionalPhones {
  private used = new Map<string, number>();
  next(country: Country, area: string): string {
    const key = `${country}${area}`;
    const n = this.used.get(key) ?? 0;
    if (n > 99) throw new Error(`out of fictional numbers in ${key}`);
    this.used.set(key, n + 1);
    const line = `01${String(n).padStart(2, '0')}`;
    return country === 'US' ? `+1${area}555${line}` : `+52${area}000${line}`;
  }
}

interface Seat {
  key: string;
  country: Country;
  role: MemberRole;
  agency: string;
  /** Area code and country of the seat's phone (a Mexican consulate in the U.S. has a U.S. number). */
  phone: { country: Country; area: string };
  domain: string;
  radio?: string;
}

// ——— rotations ———

/**
 * Call order 1 round the clock on one side: two day and two night people, Monday–Thursday
 * and Friday–Sunday; nights run past midnight (end before start) and belong to their
 * start day. `dayStart` differs by side so handoffs do not coincide.
 */
function roundTheClock(side: Country, dayStart: string, [dayA, dayB, nightA, nightB]: string[]): Omit<Shift, 'id'>[] {
  const [weekdays, weekend] = [
    [1, 2, 3, 4],
    [5, 6, 7],
  ];
  const nightStart = `${String(Number(dayStart.slice(0, 2)) + 12).padStart(2, '0')}:${dayStart.slice(3)}`;
  return [
    { side, escalation: 1, days: weekdays, start: dayStart, end: nightStart, memberId: dayA! },
    { side, escalation: 1, days: weekend, start: dayStart, end: nightStart, memberId: dayB! },
    { side, escalation: 1, days: weekdays, start: nightStart, end: dayStart, memberId: nightA! },
    { side, escalation: 1, days: weekend, start: nightStart, end: dayStart, memberId: nightB! },
  ];
}

const officeHours = (
  side: Country,
  memberId: string | null,
  days: number[],
  start: string,
  end: string,
  escalation = 2,
): Omit<Shift, 'id'> => ({
  side,
  escalation,
  days,
  start,
  end,
  memberId,
});

// ——— builder ———

const DAY_MS = 86_400_000;

function daysBefore(now: string, days: number): string {
  return new Date(Date.parse(now) - days * DAY_MS).toISOString();
}

/** Builds one mechanism's members (ids `<mechanism>.<seat>`) with contacts and staggered verification dates. */
function staff(
  mechanismId: string,
  seats: Seat[],
  now: string,
  phones: FictionalPhones,
  counter: { n: number },
): Member[] {
  return seats.map((seat) => {
    const n = counter.n++;
    const { name, familyName } = fictionalName(seat.country, n);
    const id = `${mechanismId}.${seat.key}`;
    const contacts: Contact[] = [
      {
        id: `${id}.phone`,
        kind: 'phone',
        label: seat.country === 'US' ? 'desk' : 'oficina',
        value: phones.next(seat.phone.country, seat.phone.area),
        working: true,
      },
      {
        id: `${id}.email`,
        kind: 'email',
        label: '',
        value: `${ascii(name).replace(/\s+/g, '.')}@${seat.domain}`,
        working: true,
      },
      ...(seat.radio
        ? [{ id: `${id}.radio`, kind: 'radio' as const, label: 'radio', value: seat.radio, working: true }]
        : []),
    ];
    // Spread over five months, so some exceed the 90-day verification limit.
    return {
      id,
      name,
      familyName,
      role: seat.role,
      agency: seat.agency,
      country: seat.country,
      contacts,
      verifiedAt: daysBefore(now, (n * 29) % 160),
    };
  });
}

function blmSeats(l: Locality): Seat[] {
  const us = { country: 'US' as const, area: l.usArea };
  const mx = { country: 'MX' as const, area: l.mxArea };
  const bp = `U.S. Border Patrol, ${l.sector}`;
  const beta = `Grupo Beta ${l.mxCity} (INM)`;
  return [
    // Plan of Action VIII: the U.S. consul posted in the Mexican city and the Mexican consul in the U.S. city chair.
    { key: 'us-consul', country: 'US', role: 'consul', agency: l.usConsulate, phone: mx, domain: 'state.example' },
    {
      key: 'bp-day-1',
      country: 'US',
      role: 'border_patrol',
      agency: bp,
      phone: us,
      domain: 'cbp.example',
      radio: 'BP Tac 2',
    },
    {
      key: 'bp-day-2',
      country: 'US',
      role: 'border_patrol',
      agency: bp,
      phone: us,
      domain: 'cbp.example',
      radio: 'BP Tac 2',
    },
    {
      key: 'bp-night',
      country: 'US',
      role: 'border_patrol',
      agency: bp,
      phone: us,
      domain: 'cbp.example',
      radio: 'BP Tac 3',
    },
    {
      key: 'port',
      country: 'US',
      role: 'port_director',
      agency: `U.S. Customs and Border Protection, Port of ${l.port}`,
      phone: us,
      domain: 'cbp.example',
    },
    {
      key: 'us-police',
      country: 'US',
      role: 'police',
      agency: l.usPolice,
      phone: us,
      domain: 'police.example',
      radio: 'Tac 1',
    },
    { key: 'mx-consul', country: 'MX', role: 'consul', agency: l.mxConsulate, phone: us, domain: 'sre.example' },
    {
      key: 'beta-1',
      country: 'MX',
      role: 'grupo_beta',
      agency: beta,
      phone: mx,
      domain: 'inm.example',
      radio: 'Canal 7',
    },
    {
      key: 'beta-2',
      country: 'MX',
      role: 'grupo_beta',
      agency: beta,
      phone: mx,
      domain: 'inm.example',
      radio: 'Canal 7',
    },
    {
      key: 'inm',
      country: 'MX',
      role: 'inm_delegate',
      agency: `Instituto Nacional de Migración, Delegación Regional en ${l.mxState}`,
      phone: mx,
      domain: 'inm.example',
    },
    {
      key: 'mx-police',
      country: 'MX',
      role: 'police',
      agency: l.mxPolice,
      phone: mx,
      domain: 'policia.example',
      radio: 'Canal 3',
    },
    {
      key: 'pgr',
      country: 'MX',
      role: 'prosecutor',
      agency: `Procuraduría General de la República, Delegación ${l.mxState}`,
      phone: mx,
      domain: 'pgr.example',
    },
  ];
}

function blmShifts(id: string): Omit<Shift, 'id'>[] {
  const m = (key: string) => `${id}.${key}`;
  return [
    ...roundTheClock('US', '06:00', [m('bp-day-1'), m('bp-day-2'), m('bp-night'), m('us-police')]),
    ...roundTheClock('MX', '07:00', [m('beta-1'), m('inm'), m('mx-police'), m('beta-2')]),
    officeHours('US', m('us-consul'), [1, 2, 3, 4, 5], '08:00', '17:00'),
    officeHours('US', m('port'), [6, 7], '08:00', '16:00'),
    officeHours('MX', m('mx-consul'), [1, 2, 3, 4, 5], '09:00', '18:00'),
    officeHours('MX', m('pgr'), [1, 2, 3, 4, 5], '18:00', '21:00'),
  ];
}

/** A wall-clock time on the date `days` after `now`'s local date in the zone, as an instant. */
function localAt(now: string, timeZone: string, days: number, time: string): string {
  const date = Temporal.Instant.from(now).toZonedDateTimeISO(timeZone).toPlainDate().add({ days });
  return wallClockInstant(date.toString(), time, timeZone, 'start');
}

/** Days from `now`'s local date to the given ISO weekday (1–7): 0 when that is today. */
function daysUntil(now: string, timeZone: string, weekday: number): number {
  const today = Temporal.Instant.from(now).toZonedDateTimeISO(timeZone).dayOfWeek;
  return (weekday - today + 7) % 7;
}

function localDateTime(now: string, timeZone: string, days: number, time: string): string {
  return `${Temporal.Instant.from(now).toZonedDateTimeISO(timeZone).toPlainDate().add({ days })}T${time}`;
}

function localDate(now: string, timeZone: string, days: number): string {
  return Temporal.Instant.from(now).toZonedDateTimeISO(timeZone).toPlainDate().add({ days }).toString();
}

/** What makes some rosters differ: one-off cover, gaps (one left to flag, one marked intended), broken contacts. */
function particulars(seed: LiaisonSeed, now: string): void {
  const { mechanismId: id, timeZone } = seed;
  const m = (key: string) => `${id}.${key}`;
  const shiftId = () => `${id}.shift-${seed.shifts.length + 1}`;
  if (id === 'san-diego-tijuana') {
    const tuesday = daysUntil(now, timeZone, 2) || 7;
    seed.overrides.push({
      id: `${id}.override-1`,
      side: 'US',
      escalation: 1,
      memberId: m('us-police'),
      start: localAt(now, timeZone, tuesday, '18:00'),
      end: localAt(now, timeZone, tuesday + 1, '06:00'),
      reason: 'Night Border Patrol officer at training; police liaison covers',
    });
  }
  if (id === 'douglas-agua-prieta') {
    // Saturday mornings nobody holds call order 2 on the Mexican side: flagged until someone decides.
    seed.shifts.push({ id: shiftId(), ...officeHours('MX', null, [6], '09:00', '14:00') });
  }
  if (id === 'calexico-mexicali') {
    seed.shifts.push({ id: shiftId(), ...officeHours('MX', null, [7], '10:00', '14:00') });
    const sunday = daysUntil(now, timeZone, 7);
    for (const week of [0, 7]) {
      seed.intendedGaps.push({
        id: `${id}.intended-${week / 7 + 1}`,
        side: 'MX',
        reason: 'Consulado cerrado en domingo; el Grupo Beta queda como primer contacto',
        start: localAt(now, timeZone, sunday + week, '10:00'),
        end: localAt(now, timeZone, sunday + week, '14:00'),
      });
    }
  }
  if (id === 'eagle-pass-piedras-negras') {
    // Every contact of the police liaison failed last time: shows "no working contact method".
    const police = seed.members.find((x) => x.id === m('us-police'))!;
    police.contacts = police.contacts.map((c) => ({ ...c, working: false }));
  }
  if (id === 'nogales-nogales') {
    const pgr = seed.members.find((x) => x.id === m('pgr'))!;
    pgr.contacts = pgr.contacts.map((c) => (c.kind === 'phone' ? { ...c, working: false } : c));
  }
}

/** Periodic meetings to review results (Plan of Action I–II) with commitments, for three mechanisms. */
function meetingsFor(seed: LiaisonSeed, now: string): void {
  const { mechanismId: id, timeZone } = seed;
  const plans: Partial<
    Record<
      BlmId,
      Array<{
        days: number;
        place: string;
        agenda: string;
        minutes: string | null;
        commitments: Array<{ text: string; owner: string; due: number; done: boolean }>;
      }>
    >
  > = {
    'san-diego-tijuana': [
      {
        days: -45,
        place: 'Consulado General de México en San Diego',
        agenda:
          '1. Cold-weather rescues east of San Diego / Rescates por frío al este de San Diego\n2. Night repatriations at San Ysidro / Repatriaciones nocturnas en San Ysidro',
        minutes:
          'Both sides reviewed the winter rescue plan for the Otay and Laguna mountains. / Ambos lados revisaron el plan de rescate invernal para las sierras de Otay y Laguna.',
        commitments: [
          {
            text: 'Share the winter rescue plan for the mountains east of San Diego',
            owner: 'U.S. Border Patrol, San Diego Sector',
            due: -15,
            done: true,
          },
          {
            text: 'Confirmar el número de 24 horas del Grupo Beta para la zona de Tecate',
            owner: 'Grupo Beta Tijuana (INM)',
            due: -5,
            done: false,
          },
          {
            text: 'Joint drill at the Tecate port of entry / Simulacro conjunto en la garita de Tecate',
            owner: 'U.S. Consulate General Tijuana',
            due: 30,
            done: false,
          },
        ],
      },
      {
        days: 21,
        place: 'U.S. Consulate General Tijuana',
        agenda: '1. Review of commitments / Revisión de compromisos',
        minutes: null,
        commitments: [],
      },
    ],
    'el-paso-ciudad-juarez': [
      {
        days: 14,
        place: 'Consulado General de México en El Paso',
        agenda: '1. Heat season on the New Mexico border / Temporada de calor en la frontera con Nuevo México',
        minutes: null,
        commitments: [],
      },
    ],
    // The Laredo–Nuevo Laredo BLM meets every six months, alternating sides (border-reference.json).
    'laredo-nuevo-laredo': [
      {
        days: -90,
        place: 'Consulado de los Estados Unidos en Nuevo Laredo',
        agenda:
          '1. Río Bravo drownings / Ahogamientos en el Río Bravo\n2. Consular notification times / Tiempos de notificación consular',
        minutes:
          'Agreed to exchange river rescue statistics monthly. / Se acordó intercambiar cada mes las estadísticas de rescates en el río.',
        commitments: [
          {
            text: 'Send the monthly river rescue statistics / Enviar las estadísticas mensuales de rescates en el río',
            owner: 'U.S. Border Patrol, Laredo Sector',
            due: -30,
            done: false,
          },
        ],
      },
      {
        days: 92,
        place: 'Consulado General de México en Laredo',
        agenda: '1. Review of commitments / Revisión de compromisos',
        minutes: null,
        commitments: [],
      },
    ],
  };
  (plans[id as BlmId] ?? []).forEach((plan, i) => {
    const meetingId = `${id}.meeting-${i + 1}`;
    seed.meetings.push({
      id: meetingId,
      mechanismId: id,
      startsAt: localDateTime(now, timeZone, plan.days, '10:00'),
      timeZone,
      durationMinutes: 120,
      place: plan.place,
      agenda: plan.agenda,
      minutes: plan.minutes,
    });
    plan.commitments.forEach((c, j) => {
      seed.commitments.push({
        id: `${meetingId}.commitment-${j + 1}`,
        mechanismId: id,
        meetingId,
        text: c.text,
        owner: c.owner,
        dueDate: localDate(now, timeZone, c.due),
        done: c.done,
      });
    });
  });
}

function withIds(id: string, shifts: Omit<Shift, 'id'>[]): Shift[] {
  return shifts.map((s, i) => ({ id: `${id}.shift-${i + 1}`, ...s }));
}

/** Rosters, rotations, meetings and commitments of every seeded mechanism, dated relative to `now`. */
export function liaisonSeed(now: string): LiaisonSeed[] {
  const phones = new FictionalPhones();
  const counter = { n: 0 };
  const blms = (Object.keys(localities) as BlmId[]).map((id) => {
    const seed: LiaisonSeed = {
      mechanismId: id,
      timeZone: blmTimeZones[id],
      members: staff(id, blmSeats(localities[id]), now, phones, counter),
      shifts: withIds(id, blmShifts(id)),
      overrides: [],
      intendedGaps: [],
      meetings: [],
      commitments: [],
    };
    particulars(seed, now);
    meetingsFor(seed, now);
    return seed;
  });
  const icms = interiorMechanisms.map((icm): LiaisonSeed => {
    const area = { Chicago: '312', Denver: '303', Atlanta: '404' }[icm.usCity]!;
    const phone = { country: 'US' as const, area };
    const officer = (key: string): Seat => ({
      key,
      country: 'US',
      role: 'immigration_officer',
      agency: icm.counterpart,
      phone,
      domain: 'ice.example',
    });
    const protection = (key: string): Seat => ({
      key,
      country: 'MX',
      role: 'consular_protection',
      agency: icm.consulate,
      phone,
      domain: 'sre.example',
    });
    const seats = [
      officer('ero-1'),
      officer('ero-2'),
      officer('ero-3'),
      officer('ero-4'),
      { ...protection('consul'), role: 'consul' as const },
      protection('protection-1'),
      protection('protection-2'),
      protection('protection-3'),
      protection('protection-4'),
    ];
    const m = (key: string) => `${icm.id}.${key}`;
    return {
      mechanismId: icm.id,
      timeZone: icm.timeZone,
      members: staff(icm.id, seats, now, phones, counter),
      shifts: withIds(icm.id, [
        ...roundTheClock('US', '07:00', [m('ero-1'), m('ero-2'), m('ero-3'), m('ero-4')]),
        ...roundTheClock('MX', '08:00', [m('protection-1'), m('protection-2'), m('protection-3'), m('protection-4')]),
        officeHours('MX', m('consul'), [1, 2, 3, 4, 5], '09:00', '17:00'),
      ]),
      overrides: [],
      intendedGaps: [],
      meetings: [],
      commitments: [],
    };
  });
  return [...blms, ...icms];
}
