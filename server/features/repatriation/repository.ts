import { and, asc, count, eq, gte, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type {
  Arrangement,
  ArrangementBody,
  Movement,
  MovementTimelineEntry,
  Person,
} from '@shared/repatriation/contract.js';
import type { PlannedMovement } from '@shared/repatriation/engine.js';
import type { Executor } from '@server/core/db.js';
import {
  arrangementPorts,
  arrangements,
  movementEvents,
  movementRefusals,
  movements,
} from '@server/db/schema/repatriation.js';

type ArrangementRow = typeof arrangements.$inferSelect;
type ArrangementPortRow = typeof arrangementPorts.$inferSelect;
export type MovementRow = typeof movements.$inferSelect;
export type MovementInsert = typeof movements.$inferInsert;
export type TimelineInsert = typeof movementEvents.$inferInsert;

// ---- arrangements -------------------------------------------------------------------------

function toArrangement(row: ArrangementRow, portRows: readonly ArrangementPortRow[]): Arrangement {
  const own = portRows.filter((p) => p.arrangementId === row.id).sort((a, b) => a.position - b.position);
  const arrangement: Arrangement = {
    id: row.id,
    name: row.name,
    portIds: own.map((p) => p.portId),
    windows: row.windows,
    vulnerableWindow: row.vulnerableWindow,
    noticeHours: row.noticeHours,
    exConvict: { noticeHours: row.exConvictNoticeHours, portIds: own.filter((p) => p.exConvict).map((p) => p.portId) },
    capacityPerWindow: row.capacityPerWindow,
    illustrative: row.illustrative,
    basis: row.basis,
    sources: row.sources,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
  if (row.timeZone) arrangement.timeZone = row.timeZone;
  return arrangement;
}

/** Arrangements joined with their ports, by name: one query (not yet run). */
const arrangementRows = (db: Executor, where?: SQL) =>
  db
    .select({ arrangement: arrangements, port: arrangementPorts })
    .from(arrangements)
    .innerJoin(arrangementPorts, eq(arrangementPorts.arrangementId, arrangements.id))
    .where(where)
    .orderBy(asc(arrangements.name), asc(arrangements.id));

function groupArrangements(
  rows: ReadonlyArray<{ arrangement: ArrangementRow; port: ArrangementPortRow }>,
): Arrangement[] {
  const ports = rows.map((r) => r.port);
  const seen = new Map<string, Arrangement>();
  for (const { arrangement } of rows)
    if (!seen.has(arrangement.id)) seen.set(arrangement.id, toArrangement(arrangement, ports));
  return [...seen.values()];
}

/** Every arrangement (there are a handful: one per stretch of border), by name. */
export const listArrangements = async (db: Executor): Promise<Arrangement[]> =>
  groupArrangements(await arrangementRows(db));

export async function findArrangement(db: Executor, id: string): Promise<Arrangement | null> {
  const [found] = groupArrangements(await arrangementRows(db, eq(arrangements.id, id)));
  return found ?? null;
}

/** The arrangement holding a port, as a subquery. */
const arrangementIdOf = (db: Executor, portId: string) =>
  db.select({ id: arrangementPorts.arrangementId }).from(arrangementPorts).where(eq(arrangementPorts.portId, portId));

/** The arrangement a port belongs to, if any. */
export async function arrangementOfPort(db: Executor, portId: string): Promise<Arrangement | null> {
  const [found] = groupArrangements(await arrangementRows(db, inArray(arrangements.id, arrangementIdOf(db, portId))));
  return found ?? null;
}

/** Locks the arrangement row for the rest of the transaction: edits and plans against it take turns. */
export async function lockArrangement(db: Executor, id: string): Promise<{ version: number } | null> {
  const [row] = await db
    .select({ version: arrangements.version })
    .from(arrangements)
    .where(eq(arrangements.id, id))
    .for('update');
  return row ?? null;
}

/** Which of these ports belong to an arrangement other than `except`, and to which. */
export async function portOwners(
  db: Executor,
  portIds: readonly string[],
  except: string | null,
): Promise<Array<{ portId: string; arrangementId: string; name: string }>> {
  if (portIds.length === 0) return [];
  const where = [inArray(arrangementPorts.portId, [...portIds])];
  if (except) where.push(ne(arrangementPorts.arrangementId, except));
  return db
    .select({ portId: arrangementPorts.portId, arrangementId: arrangements.id, name: arrangements.name })
    .from(arrangementPorts)
    .innerJoin(arrangements, eq(arrangements.id, arrangementPorts.arrangementId))
    .where(and(...where));
}

const arrangementColumns = (body: ArrangementBody) => ({
  name: body.name,
  timeZone: body.timeZone ?? null,
  windows: body.windows,
  vulnerableWindow: body.vulnerableWindow,
  noticeHours: body.noticeHours,
  exConvictNoticeHours: body.exConvict.noticeHours,
  capacityPerWindow: body.capacityPerWindow,
});

async function writePorts(db: Executor, id: string, body: ArrangementBody): Promise<void> {
  await db.delete(arrangementPorts).where(eq(arrangementPorts.arrangementId, id));
  await db.insert(arrangementPorts).values(
    body.portIds.map((portId, position) => ({
      arrangementId: id,
      portId,
      position,
      exConvict: body.exConvict.portIds.includes(portId),
    })),
  );
}

export async function insertArrangement(db: Executor, id: string, body: ArrangementBody, now: Date): Promise<void> {
  await db.insert(arrangements).values({
    id,
    ...arrangementColumns(body),
    illustrative: body.illustrative ?? false,
    basis: body.basis ?? null,
    sources: body.sources ?? [],
    createdAt: now,
    updatedAt: now,
  });
  await writePorts(db, id, body);
}

/** Replaces the arrangement; `illustrative`, `basis` and `sources` stay as they were when the body leaves them out. */
export async function replaceArrangement(db: Executor, id: string, body: ArrangementBody, version: number, now: Date) {
  await db
    .update(arrangements)
    .set({
      ...arrangementColumns(body),
      ...(body.illustrative === undefined ? {} : { illustrative: body.illustrative }),
      ...(body.basis === undefined ? {} : { basis: body.basis }),
      ...(body.sources === undefined ? {} : { sources: body.sources }),
      version,
      updatedAt: now,
    })
    .where(eq(arrangements.id, id));
  await writePorts(db, id, body);
}

export async function deleteArrangement(db: Executor, id: string): Promise<void> {
  await db.delete(arrangements).where(eq(arrangements.id, id));
}

/** Planned (not yet received or cancelled) movements checked against the arrangement, per port. */
export async function plannedMovementsByPort(db: Executor, arrangementId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ portId: movements.portId, n: count() })
    .from(movements)
    .where(and(eq(movements.arrangementId, arrangementId), eq(movements.status, 'planned')))
    .groupBy(movements.portId);
  return new Map(rows.map((r) => [r.portId, r.n]));
}

// ---- movements ----------------------------------------------------------------------------

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toMovement(row: MovementRow): Movement {
  return {
    id: row.id,
    portId: row.portId,
    arrangementId: row.arrangementId,
    mechanismId: row.mechanismId,
    fromFacility: row.fromFacility,
    at: row.at.toISOString(),
    persons: row.persons,
    status: row.status,
    exercise: row.exercise,
    noticeDueAt: iso(row.noticeDueAt),
    consularNotice:
      row.consularNoticeAt && row.consularNoticeBy
        ? { at: row.consularNoticeAt.toISOString(), by: row.consularNoticeBy }
        : null,
    reception:
      row.receivedAt && row.receivedBy && row.receivedCount !== null
        ? { at: row.receivedAt.toISOString(), by: row.receivedBy, received: row.receivedCount }
        : null,
    cancellation:
      row.cancelledAt && row.cancelledBy && row.cancelReason
        ? { at: row.cancelledAt.toISOString(), by: row.cancelledBy, reason: row.cancelReason }
        : null,
    plannedBy: { id: row.plannedById, name: row.plannedBy },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The distinct family ids of the persons, for the family-unity index. */
export const familyIdsOf = (persons: readonly Person[]) => [
  ...new Set(persons.flatMap((p) => (p.familyId === undefined ? [] : [p.familyId]))),
];

export async function insertMovement(db: Executor, values: MovementInsert): Promise<MovementRow> {
  const [row] = await db.insert(movements).values(values).returning();
  return row!;
}

/** The movement, locked for the rest of the transaction when `forUpdate`. */
export async function findMovement(db: Executor, id: string, forUpdate = false): Promise<MovementRow | null> {
  const query = db.select().from(movements).where(eq(movements.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateMovement(db: Executor, id: string, values: Partial<MovementInsert>): Promise<MovementRow> {
  const [row] = await db.update(movements).set(values).where(eq(movements.id, id)).returning();
  return row!;
}

/** Movements at `portId` (or every port) whose time lies in [from, to), earliest first. */
export async function listMovements(db: Executor, filter: { portId?: string; from: Date; to: Date }) {
  const where = [gte(movements.at, filter.from), lt(movements.at, filter.to)];
  if (filter.portId) where.push(eq(movements.portId, filter.portId));
  const rows = await db
    .select()
    .from(movements)
    .where(and(...where))
    .orderBy(asc(movements.at), asc(movements.id))
    .limit(2000);
  return rows.map(toMovement);
}

export interface CheckQuery {
  portId: string;
  from: Date;
  to: Date;
  familyIds: readonly string[];
  /** Only movements of this kind count (`sameKind`, issue 18). */
  exercise: boolean;
}

/** The ports of the arrangement holding `portId` (itself included), as a subquery. */
const siblingPortsOf = (db: Executor, portId: string) =>
  db
    .select({ portId: arrangementPorts.portId })
    .from(arrangementPorts)
    .where(inArray(arrangementPorts.arrangementId, arrangementIdOf(db, portId)));

/**
 * What the engine needs to check a request at `portId`: the non-cancelled movements at the ports
 * of its arrangement in [from, to) (capacity), and every movement still planned that holds one of
 * these families (family unity: one family, one movement). A family already received is history.
 */
/** What the engine reads of a movement. */
const checkedColumns = {
  id: movements.id,
  portId: movements.portId,
  at: movements.at,
  status: movements.status,
  persons: movements.persons,
  exercise: movements.exercise,
};

export async function movementsForCheck(db: Executor, q: CheckQuery): Promise<PlannedMovement[]> {
  const siblingPorts = siblingPortsOf(db, q.portId);
  const inRange = and(inArray(movements.portId, siblingPorts), gte(movements.at, q.from), lt(movements.at, q.to));
  // One array parameter (a bare array would be spread into a list).
  const families = and(
    eq(movements.status, 'planned'),
    sql`${movements.familyIds} && ${sql.param([...q.familyIds])}::text[]`,
  );
  const rows = await db
    .select(checkedColumns)
    .from(movements)
    .where(and(ne(movements.status, 'cancelled'), eq(movements.exercise, q.exercise), or(inRange, families)));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/** A movement as every check at one port from some instant on may need it, with its families. */
export interface SnapshotMovement extends PlannedMovement {
  atMs: number;
  familyIds: readonly string[];
}

/**
 * What every check at `portId` whose range starts at `since` or later reads: the movements at
 * the ports of its arrangement from `since` on, and every planned movement holding a family
 * (at any port). `movementsForCheck` is this, narrowed to one request.
 */
export async function movementsForChecksSince(db: Executor, portId: string, since: Date): Promise<SnapshotMovement[]> {
  const siblingPorts = siblingPortsOf(db, portId);
  const rows = await db
    .select({ ...checkedColumns, familyIds: movements.familyIds })
    .from(movements)
    .where(
      and(
        ne(movements.status, 'cancelled'),
        or(
          and(inArray(movements.portId, siblingPorts), gte(movements.at, since)),
          and(eq(movements.status, 'planned'), sql`cardinality(${movements.familyIds}) > 0`),
        ),
      ),
    );
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), atMs: r.at.getTime() }));
}

export async function appendTimeline(db: Executor, entries: TimelineInsert[]): Promise<void> {
  if (entries.length > 0) await db.insert(movementEvents).values(entries);
}

export async function timelineOf(db: Executor, movementId: string): Promise<MovementTimelineEntry[]> {
  const rows = await db
    .select()
    .from(movementEvents)
    .where(eq(movementEvents.movementId, movementId))
    .orderBy(asc(movementEvents.id));
  return rows.map((r) => ({
    id: String(r.id),
    kind: r.kind as MovementTimelineEntry['kind'],
    text: r.text,
    data: r.data,
    by: r.actorName,
    at: r.at.toISOString(),
  }));
}

export type RefusalInsert = typeof movementRefusals.$inferInsert;

/** A plan or reschedule the rules refused (append-only). */
export async function insertRefusal(db: Executor, refusal: RefusalInsert): Promise<void> {
  await db.insert(movementRefusals).values(refusal);
}
