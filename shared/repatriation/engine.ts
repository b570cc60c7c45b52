import type { Port } from '@shared/reference/contract.js';
import {
  minorCategories,
  vulnerableCategories,
  type Arrangement,
  type CheckBody,
  type CheckResult,
  type MovementStatus,
  type PersonCategory,
  type RepatriationWindow,
  type Slot,
  type Violation,
} from './contract.js';
import { violationMessages, type ElsewhereFamily, type PersonRef } from './messages.js';
import {
  daylightOn,
  expandWindowSpans,
  formatInSpan,
  instantMs,
  MS_PER_DAY,
  windowOf,
  windowZone,
  type WindowRules,
  type WindowSpan,
} from './windows.js';

/**
 * The repatriation rule engine (DESIGN "Repatriation rules"; issue 14). Pure: the arrangements,
 * ports with their status, planned movements, the instant and the persons are all arguments;
 * no clock, no database. The server decides with it and the browser gives instant feedback with
 * the same code. Two steps, because a form re-checks on every keystroke:
 *  - `prepareRepatriation` expands windows to epoch milliseconds and indexes planned movements
 *    by window occurrence and by family, once per data set;
 *  - `checkRepatriation` answers one request with numeric comparisons, writing sentences only
 *    for the violations it finds.
 */

export type EnginePort = Pick<Port, 'id' | 'usName' | 'mxName' | 'mxTimeZone' | 'status'>;
export type EngineArrangement = WindowRules &
  Pick<Arrangement, 'portIds' | 'noticeHours' | 'exConvict' | 'capacityPerWindow'>;

/** A movement already planned (or received, or cancelled): what capacity and family unity need of it. */
export interface PlannedMovement {
  id: string;
  portId: string;
  at: string;
  status: MovementStatus;
  persons: ReadonlyArray<{ familyId?: string | null | undefined }>;
  /** A drill (issue 18); absent: a real movement. */
  exercise?: boolean | undefined;
}

/**
 * Exercise mode (issue 18): a drill must not take real capacity or hold a real family, and real
 * movements must not block a drill. A check counts only the movements of its own kind. The
 * one rule, used by the engine, the server's check snapshots and (as SQL) `movementsForCheck`.
 */
export const sameKind = (movement: { exercise?: boolean | undefined }, request: { exercise?: boolean | undefined }) =>
  (movement.exercise ?? false) === (request.exercise ?? false);

export interface RepatriationData {
  arrangements: readonly EngineArrangement[];
  ports: readonly EnginePort[];
  /** Movements whose `at` lies in [from, to), plus any sharing a family id with the request. */
  movements: readonly PlannedMovement[];
}

const MS_PER_HOUR = 3_600_000;

/**
 * Issue 23: a planned movement lies between shortly before now and a horizon ahead. An hour back
 * lets an officer record a movement already under way (a form left open, a bus that just left);
 * anything earlier is not a plan but a mistake (a 1999 typed for 2026). Half a year ahead covers
 * any real schedule — arrangements, windows and capacity are revised long before — and refuses a
 * mistyped 2099. The browser's as-you-type check and the server apply the same bounds.
 */
export const PLANNING_GRACE_HOURS = 1;
export const PLANNING_HORIZON_DAYS = 180;

/** The instants a movement may be planned (or rescheduled) for at `now`: [earliest, latest]. */
export function planningBounds(now: number): { earliest: number; latest: number } {
  return { earliest: now - PLANNING_GRACE_HOURS * MS_PER_HOUR, latest: now + PLANNING_HORIZON_DAYS * MS_PER_DAY };
}

/** Slots are searched this far ahead of the requested instant. */
export const NEXT_WINDOW_HORIZON_DAYS = 14;
export const MAX_NEXT_WINDOWS = 5;
/** No window occurrence is longer than a day plus a repeated hour. */
const LONGEST_SPAN_MS = 26 * MS_PER_HOUR;

/** Persons of non-cancelled movements planned in an occurrence, and each movement's share. */
interface Tally {
  planned: number;
  plannedBy: Map<string, number>;
}

interface PreparedSpan extends WindowSpan {
  /** Real movements and drills, counted apart (`sameKind`). */
  real: Tally;
  exercise: Tally;
  /** Written on first use and kept, so that repeated checks (a form's keystrokes) write each occurrence once. */
  written?: RepatriationWindow;
}

/** The occurrence as the API writes it (ISO instants with the port's offset). */
function windowOfSpan(span: PreparedSpan): RepatriationWindow {
  return (span.written ??= windowOf(span));
}

interface PreparedPort {
  port: EnginePort;
  name: string;
  arrangement: EngineArrangement | null;
  zone: string;
  spans: PreparedSpan[];
}

interface FamilyPlacement {
  movementId: string;
  portId: string;
  at: number;
  exercise: boolean;
}

export interface PreparedRepatriation {
  ports: Map<string, PreparedPort>;
  families: Map<string, FamilyPlacement[]>;
}

/** Both sides' names, as both governments know the crossing: "San Ysidro – Tijuana". */
export const portName = (port: Pick<Port, 'usName' | 'mxName'>): string =>
  port.usName === port.mxName ? port.usName : `${port.usName} – ${port.mxName}`;

/**
 * The range to prepare (and to load movements for) so that a check at `at` sees the window it
 * falls in, that window's planned movements and every slot of the search horizon.
 */
export function checkRange(at: string): { from: string; to: string } {
  const ms = instantMs(at);
  const iso = (value: number) => new Date(value).toISOString();
  return { from: iso(ms - 2 * MS_PER_DAY), to: iso(ms + (NEXT_WINDOW_HORIZON_DAYS + 1) * MS_PER_DAY) };
}

/** The index of the first occurrence starting after `at`. */
function firstStartingAfter(spans: readonly WindowSpan[], at: number): number {
  let [low, high] = [0, spans.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid]!.start <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The latest-starting occurrence that contains `at` (occurrences meet or overlap only around a fall-back hour). */
function spanAt<S extends WindowSpan>(spans: readonly S[], at: number): S | undefined {
  for (let i = firstStartingAfter(spans, at) - 1; i >= 0 && spans[i]!.start > at - LONGEST_SPAN_MS; i--) {
    if (at < spans[i]!.end) return spans[i];
  }
  return undefined;
}

export function prepareRepatriation(data: RepatriationData & { from: string; to: string }): PreparedRepatriation {
  const [fromMs, toMs] = [instantMs(data.from), instantMs(data.to)];
  const arrangementOf = new Map<string, EngineArrangement>();
  // A port belongs to at most one arrangement (the server enforces it); the first one wins here.
  for (const arrangement of data.arrangements)
    for (const portId of arrangement.portIds) if (!arrangementOf.has(portId)) arrangementOf.set(portId, arrangement);

  const ports = new Map<string, PreparedPort>();
  for (const port of data.ports) {
    const arrangement = arrangementOf.get(port.id) ?? null;
    const spans = arrangement
      ? expandWindowSpans(arrangement, port, fromMs, toMs).map((span): PreparedSpan => ({
          ...span,
          real: { planned: 0, plannedBy: new Map() },
          exercise: { planned: 0, plannedBy: new Map() },
        }))
      : [];
    ports.set(port.id, {
      port,
      name: portName(port),
      arrangement,
      zone: arrangement ? windowZone(arrangement, port) : port.mxTimeZone,
      spans,
    });
  }

  const families = new Map<string, FamilyPlacement[]>();
  for (const movement of data.movements) {
    if (movement.status === 'cancelled') continue;
    const at = instantMs(movement.at);
    const span = spanAt(ports.get(movement.portId)?.spans ?? [], at);
    const exercise = movement.exercise ?? false;
    if (span) {
      const tally = tallyOf(span, exercise);
      tally.planned += movement.persons.length;
      tally.plannedBy.set(movement.id, (tally.plannedBy.get(movement.id) ?? 0) + movement.persons.length);
    }
    const familyIds = new Set(
      movement.persons.map((person) => person.familyId).filter((familyId): familyId is string => Boolean(familyId)),
    );
    for (const familyId of familyIds) {
      const placements = families.get(familyId) ?? [];
      placements.push({ movementId: movement.id, portId: movement.portId, at, exercise });
      families.set(familyId, placements);
    }
  }
  return { ports, families };
}

const isVulnerable = (category: PersonCategory) => vulnerableCategories.includes(category);
const isMinor = (category: PersonCategory) => minorCategories.includes(category);

const tallyOf = (span: PreparedSpan, exercise: boolean | undefined): Tally => (exercise ? span.exercise : span.real);

/** Persons of the request's kind already planned in the occurrence, the re-checked movement aside. */
const plannedExcept = (span: PreparedSpan, request: Pick<CheckBody, 'movementId' | 'exercise'>) => {
  const tally = tallyOf(span, request.exercise);
  return tally.planned - (request.movementId === undefined ? 0 : (tally.plannedBy.get(request.movementId) ?? 0));
};

/** The persons of the request a rule concerns, as the messages name them. */
const refs = (indexes: readonly number[], persons: CheckBody['persons'], withNationality = false): PersonRef[] =>
  indexes.map((index) => {
    const person = persons[index]!;
    return withNationality
      ? { index, category: person.category, nationality: person.nationality }
      : { index, category: person.category };
  });

/**
 * `now` is the present: with it, the time must lie within `planningBounds(now)` and dates of
 * another year show their year. The server always passes its clock; so does the browser.
 */
export function checkRepatriation(prepared: PreparedRepatriation, request: CheckBody, now?: number): CheckResult {
  const at = instantMs(request.at);
  const notice = request.consularNoticeAt === undefined ? null : instantMs(request.consularNoticeAt);
  const { persons, movementId } = request;
  const entry = prepared.ports.get(request.portId);
  const arrangement = entry?.arrangement ?? null;
  const zone = entry?.zone ?? 'UTC';
  const port = entry?.name ?? request.portId;

  const vulnerable: number[] = [];
  const minors: number[] = [];
  const exConvicts: number[] = [];
  const nonMexican: number[] = [];
  const familyMembers = new Map<string, number[]>();
  const familiesWithAdult = new Set<string>();
  persons.forEach((person, index) => {
    if (isVulnerable(person.category)) vulnerable.push(index);
    if (isMinor(person.category)) minors.push(index);
    if (person.category === 'ex_convict') exConvicts.push(index);
    if (person.nationality !== 'MX') nonMexican.push(index);
    if (person.familyId !== undefined) {
      const members = familyMembers.get(person.familyId);
      if (members) members.push(index);
      else familyMembers.set(person.familyId, [index]);
      if (!isMinor(person.category)) familiesWithAdult.add(person.familyId);
    }
  });

  const violations: Violation[] = [];
  const add = (code: Violation['code'], message: Violation['message'], personIndexes?: number[]) =>
    violations.push(personIndexes ? { code, personIndexes, message } : { code, message });

  // Issue 23: planned for shortly before now at the earliest, half a year ahead at the latest.
  const bounds = now === undefined ? null : planningBounds(now);
  if (bounds && (at < bounds.earliest || at > bounds.latest)) {
    add(
      'TIME_OUT_OF_RANGE',
      violationMessages.TIME_OUT_OF_RANGE({
        at,
        now: now!,
        ...bounds,
        zone,
        graceHours: PLANNING_GRACE_HOURS,
        horizonDays: PLANNING_HORIZON_DAYS,
      }),
    );
  }

  // Plan of Action VI; 1999 report: "through predetermined border crossing points".
  if (!arrangement) add('PORT_NOT_DESIGNATED', violationMessages.PORT_NOT_DESIGNATED({ port }));

  // 1999 report: "during specified hours", read at the port's clock.
  const span = entry ? spanAt(entry.spans, at) : undefined;
  if (arrangement && !span) add('OUTSIDE_WINDOW', violationMessages.OUTSIDE_WINDOW({ port, at, zone, now }));

  // 2003 report: vulnerable persons only in the daylight part of a window.
  if (arrangement && vulnerable.length) {
    // Outside every window: the daylight hours of that day, so the officer learns both reasons.
    const daylight = span
      ? span.vulnerableStart === null
        ? null
        : { start: span.vulnerableStart, end: span.vulnerableEnd! }
      : daylightOn(arrangement, zone, at);
    if (!daylight || at < daylight.start || at >= daylight.end) {
      add(
        'VULNERABLE_OUTSIDE_DAYLIGHT',
        violationMessages.VULNERABLE_OUTSIDE_DAYLIGHT({ persons: refs(vulnerable, persons), at, daylight, zone, now }),
        vulnerable,
      );
    }
  }

  // Plan of Action VI: "no removal of non-Mexican nationals to Mexico".
  if (nonMexican.length)
    add(
      'NON_MEXICAN_NATIONAL',
      violationMessages.NON_MEXICAN_NATIONAL({ persons: refs(nonMexican, persons, true) }),
      nonMexican,
    );

  // 1999 report: "preserving family units" — one family, one movement.
  const elsewhere: ElsewhereFamily[] = [];
  for (const [familyId, members] of familyMembers) {
    const placements = prepared.families
      .get(familyId)
      ?.filter((placement) => placement.movementId !== movementId && sameKind(placement, request));
    if (!placements?.length) continue;
    const first = placements.reduce((a, b) => (b.at < a.at ? b : a));
    const where = prepared.ports.get(first.portId);
    elsewhere.push({
      familyId,
      persons: refs(members, persons),
      at: first.at,
      zone: where?.zone ?? 'UTC',
      port: where?.name ?? first.portId,
    });
  }
  const withoutAdult = persons.flatMap((person, index) =>
    person.category === 'accompanied_minor' &&
    (person.familyId === undefined || !familiesWithAdult.has(person.familyId))
      ? [index]
      : [],
  );
  if (elsewhere.length || withoutAdult.length) {
    const indexes = [...elsewhere.flatMap((family) => family.persons.map((ref) => ref.index)), ...withoutAdult].sort(
      (a, b) => a - b,
    );
    add('FAMILY_SPLIT', violationMessages.FAMILY_SPLIT({ elsewhere, withoutAdult: refs(withoutAdult, persons), now }), [
      ...new Set(indexes),
    ]);
  }

  // 2003 report: consular notification. With no notice yet the check is not refused for it: the
  // notice is recorded on the movement later, and the due-work deadline follows it up.
  if (arrangement && notice !== null && at - notice < arrangement.noticeHours * MS_PER_HOUR) {
    add(
      'CONSULAR_NOTICE_LATE',
      violationMessages.CONSULAR_NOTICE_LATE({ notice, at, zone, now, requiredHours: arrangement.noticeHours }),
    );
  }

  // Plan of Action VII: ex-convicts — own advance notice, designated ports, never with minors.
  if (
    arrangement &&
    exConvicts.length &&
    notice !== null &&
    at - notice < arrangement.exConvict.noticeHours * MS_PER_HOUR
  ) {
    add(
      'EX_CONVICT_NOTICE_LATE',
      violationMessages.EX_CONVICT_NOTICE_LATE({
        persons: refs(exConvicts, persons),
        notice,
        at,
        zone,
        now,
        requiredHours: arrangement.exConvict.noticeHours,
      }),
      exConvicts,
    );
  }
  if (arrangement && exConvicts.length && !arrangement.exConvict.portIds.includes(request.portId)) {
    const designated = arrangement.exConvict.portIds.map((id) => prepared.ports.get(id)?.name ?? id);
    add(
      'EX_CONVICT_PORT',
      violationMessages.EX_CONVICT_PORT({ persons: refs(exConvicts, persons), port, designated }),
      exConvicts,
    );
  }
  if (exConvicts.length && minors.length) {
    add(
      'EX_CONVICT_WITH_MINORS',
      violationMessages.EX_CONVICT_WITH_MINORS({
        exConvicts: refs(exConvicts, persons),
        minors: refs(minors, persons),
      }),
      [...exConvicts, ...minors].sort((a, b) => a - b),
    );
  }

  // Plan of Action V (emergencies): a closed or restricted port blocks the movement.
  if (entry && entry.port.status !== 'open')
    add('PORT_CLOSED', violationMessages.PORT_CLOSED({ port, status: entry.port.status }));

  // Persons already planned in this window occurrence plus these stay within its capacity.
  if (arrangement && span) {
    const planned = plannedExcept(span, request);
    if (planned + persons.length > arrangement.capacityPerWindow) {
      add(
        'CAPACITY_EXCEEDED',
        violationMessages.CAPACITY_EXCEEDED({
          planned,
          count: persons.length,
          capacity: arrangement.capacityPerWindow,
          start: span.start,
          end: span.end,
          zone,
          now,
        }),
      );
    }
  }

  // Rules about the group itself hold at every port and hour: no slot would allow it.
  const groupRefused =
    nonMexican.length > 0 ||
    elsewhere.length > 0 ||
    withoutAdult.length > 0 ||
    (exConvicts.length > 0 && minors.length > 0);
  const nextWindows =
    arrangement && !groupRefused
      ? slotsFor(prepared, arrangement, request, {
          at,
          notice,
          vulnerable: vulnerable.length > 0,
          exConvicts: exConvicts.length > 0,
          bounds,
        })
      : [];

  const result: CheckResult = { allowed: violations.length === 0, violations, nextWindows };
  if (span) result.window = { ...windowOfSpan(span) };
  return result;
}

/**
 * The soonest times, at or after `at` (and after the notice periods where a notice is given), in
 * which this whole group would be allowed: at the requested port first, then the other ports of
 * its arrangement, soonest first. For vulnerable persons only the daylight part of a window.
 */
function slotsFor(
  prepared: PreparedRepatriation,
  arrangement: EngineArrangement,
  request: CheckBody,
  group: {
    at: number;
    notice: number | null;
    vulnerable: boolean;
    exConvicts: boolean;
    /** Only slots that may be planned (`planningBounds`), when the present is known. */
    bounds: { earliest: number; latest: number } | null;
  },
): Slot[] {
  let earliest = group.at;
  if (group.bounds) earliest = Math.max(earliest, group.bounds.earliest);
  if (group.notice !== null) {
    earliest = Math.max(earliest, group.notice + arrangement.noticeHours * MS_PER_HOUR);
    if (group.exConvicts) earliest = Math.max(earliest, group.notice + arrangement.exConvict.noticeHours * MS_PER_HOUR);
  }
  const horizon = Math.min(group.at + NEXT_WINDOW_HORIZON_DAYS * MS_PER_DAY, group.bounds?.latest ?? Infinity);
  const count = request.persons.length;
  const portIds = [request.portId, ...arrangement.portIds.filter((id) => id !== request.portId)];

  const found: Array<{ start: number; slot: Slot }> = [];
  for (const portId of portIds) {
    const entry = prepared.ports.get(portId);
    if (!entry || entry.arrangement !== arrangement || entry.port.status !== 'open') continue;
    if (group.exConvicts && !arrangement.exConvict.portIds.includes(portId)) continue;
    let taken = 0;
    for (let i = firstStartingAfter(entry.spans, earliest - LONGEST_SPAN_MS); i < entry.spans.length; i++) {
      const span = entry.spans[i]!;
      if (span.start >= horizon || taken === MAX_NEXT_WINDOWS) break;
      const [from, to] = group.vulnerable ? [span.vulnerableStart, span.vulnerableEnd] : [span.start, span.end];
      if (from === null || to === null) continue;
      const start = Math.max(from, earliest);
      if (start >= to || (group.bounds && start > group.bounds.latest)) continue;
      // The occurrence a check at `start` would see must be this one (fall-back overlaps), with room.
      if (spanAt(entry.spans, start) !== span || plannedExcept(span, request) + count > arrangement.capacityPerWindow)
        continue;
      const window = windowOfSpan(span);
      found.push({
        start,
        slot: {
          portId,
          start:
            start === from ? (group.vulnerable ? window.vulnerableStart! : window.start) : formatInSpan(start, span),
          end: group.vulnerable ? window.vulnerableEnd! : window.end,
        },
      });
      taken++;
    }
  }
  // Stable: on equal starts the requested port, then the arrangement's order.
  return found
    .sort((a, b) => a.start - b.start)
    .slice(0, MAX_NEXT_WINDOWS)
    .map((entry) => entry.slot);
}

/** Prepare and check in one call, over the range a single check needs (`checkRange`). */
export function checkRepatriationOnce(data: RepatriationData, request: CheckBody, now?: number): CheckResult {
  return checkRepatriation(prepareRepatriation({ ...data, ...checkRange(request.at) }), request, now);
}
