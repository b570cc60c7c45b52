import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type {
  Commitment,
  CommitmentBody,
  Contact,
  ContactBody,
  IntendedGap,
  IntendedGapBody,
  Meeting,
  MeetingBody,
  Member,
  Override,
  OverrideBody,
  Shift,
  ShiftBody,
} from '@shared/liaison/contract.js';
import { isoIn, type Roster } from '@shared/liaison/rotation.js';
import { type Executor, readAll } from '@server/core/db.js';
import {
  commitments,
  dutyOverrides,
  dutyShifts,
  intendedGaps,
  mechanismMembers,
  mechanismRosters,
  meetings,
  memberContacts,
} from '@server/db/schema/liaison.js';

/** A mechanism's roster as the shared rules read it, members with their verification dates. */
export type StoredRoster = Roster<Member>;

/** The mechanism a record belongs to: its id scopes every lookup, its zone writes the record's times. */
export interface MechanismRef {
  id: string;
  timeZone: string;
}

/**
 * One kind of record a mechanism holds, as stored (mechanism-records.ts changes it): found only
 * within its mechanism, so an id from another mechanism is not found; written; and, for the
 * kinds that can be removed, removed.
 */
export interface RecordStore<Body, Stored extends { id: string }> {
  find(db: Executor, mechanism: MechanismRef, id: string): Promise<Stored | null>;
  insert(db: Executor, mechanism: MechanismRef, body: Body): Promise<Stored>;
  update(db: Executor, mechanism: MechanismRef, id: string, body: Body): Promise<Stored>;
}
export interface RemovableStore<Body, Stored extends { id: string }> extends RecordStore<Body, Stored> {
  remove(db: Executor, id: string): Promise<void>;
}

/**
 * The tables of records a mechanism holds directly. drizzle's builders take no table of a
 * generic type, so the helpers below hand them the table typed as this union (the same table)
 * while rows and columns keep the types of the one table asked for.
 */
type MechanismTable =
  typeof mechanismMembers | typeof dutyOverrides | typeof intendedGaps | typeof meetings | typeof commitments;

/** A row by id, only when it belongs to the mechanism. */
async function rowIn<T extends MechanismTable>(
  db: Executor,
  table: T,
  mechanismId: string,
  id: string,
): Promise<T['$inferSelect'] | null> {
  const same: MechanismTable = table;
  const [row] = await db
    .select()
    .from(same)
    .where(and(eq(same.id, id), eq(same.mechanismId, mechanismId)));
  return row ?? null;
}

async function removeRow(db: Executor, table: MechanismTable | typeof memberContacts, id: string): Promise<void> {
  await db.delete(table).where(eq(table.id, id));
}

type MemberRow = typeof mechanismMembers.$inferSelect;
type ContactRow = typeof memberContacts.$inferSelect;

const toContact = (c: ContactRow): Contact => ({
  id: c.id,
  kind: c.kind,
  label: c.label,
  value: c.value,
  working: c.working,
});

function toMember(m: MemberRow, contacts: readonly ContactRow[]): Member {
  return {
    id: m.id,
    name: m.name,
    familyName: m.familyName,
    role: m.role,
    agency: m.agency,
    country: m.country,
    contacts: contacts.filter((c) => c.memberId === m.id).map(toContact),
    verifiedAt: m.verifiedAt.toISOString(),
  };
}

const toShift = (s: typeof dutyShifts.$inferSelect): Shift => ({
  id: s.id,
  side: s.side,
  escalation: s.escalation,
  days: s.days,
  start: s.start,
  end: s.end,
  memberId: s.memberId,
});

function toOverride(o: typeof dutyOverrides.$inferSelect, timeZone: string): Override {
  return {
    id: o.id,
    side: o.side,
    escalation: o.escalation,
    start: isoIn(o.start.getTime(), timeZone),
    end: isoIn(o.end.getTime(), timeZone),
    memberId: o.memberId,
    reason: o.reason,
  };
}

function toIntendedGap(g: typeof intendedGaps.$inferSelect, timeZone: string): IntendedGap {
  return {
    id: g.id,
    side: g.side,
    start: isoIn(g.start.getTime(), timeZone),
    end: isoIn(g.end.getTime(), timeZone),
    reason: g.reason,
  };
}

const byMechanism = <T extends { mechanismId: string }>(rows: readonly T[], id: string) =>
  rows.filter((r) => r.mechanismId === id);

/**
 * The rosters of these mechanisms: members with contacts, the weekly shifts, and the
 * overrides and intended gaps that end after `since` (older ones no longer matter to who
 * is on duty). A handful of queries whatever the number of mechanisms.
 */
export async function rostersOf(
  db: Executor,
  mechanisms: ReadonlyArray<{ id: string; timeZone: string }>,
  since: Date,
): Promise<Map<string, StoredRoster>> {
  const ids = mechanisms.map((m) => m.id);
  if (ids.length === 0) return new Map();
  const [members, shifts, overrides, gaps] = await readAll(
    db,
    () =>
      db
        .select()
        .from(mechanismMembers)
        .where(inArray(mechanismMembers.mechanismId, ids))
        .orderBy(asc(mechanismMembers.country), asc(mechanismMembers.createdAt), asc(mechanismMembers.id)),
    () => db.select().from(dutyShifts).where(inArray(dutyShifts.mechanismId, ids)).orderBy(asc(dutyShifts.position)),
    () =>
      db
        .select()
        .from(dutyOverrides)
        .where(and(inArray(dutyOverrides.mechanismId, ids), gt(dutyOverrides.end, since)))
        .orderBy(asc(dutyOverrides.start)),
    () =>
      db
        .select()
        .from(intendedGaps)
        .where(and(inArray(intendedGaps.mechanismId, ids), gt(intendedGaps.end, since)))
        .orderBy(asc(intendedGaps.start)),
  );
  const contacts = members.length
    ? await db
        .select()
        .from(memberContacts)
        .where(
          inArray(
            memberContacts.memberId,
            members.map((m) => m.id),
          ),
        )
        .orderBy(asc(memberContacts.position))
    : [];
  return new Map(
    mechanisms.map(({ id, timeZone }) => [
      id,
      {
        mechanismId: id,
        timeZone,
        members: byMechanism(members, id).map((m) => toMember(m, contacts)),
        shifts: byMechanism(shifts, id).map(toShift),
        overrides: byMechanism(overrides, id).map((o) => toOverride(o, timeZone)),
        intendedGaps: byMechanism(gaps, id).map((g) => toIntendedGap(g, timeZone)),
      },
    ]),
  );
}

/**
 * Counts a roster change, locking the mechanism's roster row for the rest of the
 * transaction (two coordinators' changes to one roster queue up); the new version.
 */
export async function bumpRosterVersion(db: Executor, mechanismId: string, now: Date): Promise<number> {
  const [row] = await db
    .insert(mechanismRosters)
    .values({ mechanismId, version: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: mechanismRosters.mechanismId,
      set: { version: sql`${mechanismRosters.version} + 1`, updatedAt: now },
    })
    .returning({ version: mechanismRosters.version });
  return row!.version;
}

export async function rosterVersion(db: Executor, mechanismId: string): Promise<number> {
  const [row] = await db
    .select({ version: mechanismRosters.version })
    .from(mechanismRosters)
    .where(eq(mechanismRosters.mechanismId, mechanismId));
  return row?.version ?? 0;
}

// ——— members and contacts ———

export async function findMember(db: Executor, mechanismId: string, memberId: string): Promise<Member | null> {
  const row = await rowIn(db, mechanismMembers, mechanismId, memberId);
  if (!row) return null;
  const contacts = await db
    .select()
    .from(memberContacts)
    .where(eq(memberContacts.memberId, memberId))
    .orderBy(asc(memberContacts.position));
  return toMember(row, contacts);
}

/** A member as written: `verifiedAt` decided; `contacts` left out (an update) stay as they are. */
export interface MemberFields {
  name: string;
  familyName?: string;
  role: string;
  agency: string;
  country: Member['country'];
  verifiedAt: Date;
  contacts?: readonly ContactBody[];
}

const memberColumns = (m: MemberFields) => ({
  name: m.name,
  familyName: m.familyName ?? null,
  role: m.role,
  agency: m.agency,
  country: m.country,
  verifiedAt: m.verifiedAt,
});

async function replaceContacts(db: Executor, memberId: string, contacts: readonly ContactBody[]): Promise<void> {
  await db.delete(memberContacts).where(eq(memberContacts.memberId, memberId));
  if (contacts.length)
    await db.insert(memberContacts).values(contacts.map((c, position) => ({ ...c, memberId, position })));
}

/** Members with every contact. Removing one takes its contacts; its shifts and overrides stay, empty, and show as gaps. */
export const memberStore: RemovableStore<MemberFields, Member> = {
  find: (db, mechanism, id) => findMember(db, mechanism.id, id),
  async insert(db, mechanism, fields) {
    const [row] = await db
      .insert(mechanismMembers)
      .values({ mechanismId: mechanism.id, ...memberColumns(fields) })
      .returning({ id: mechanismMembers.id });
    await replaceContacts(db, row!.id, fields.contacts ?? []);
    return (await findMember(db, mechanism.id, row!.id))!;
  },
  async update(db, mechanism, id, fields) {
    await db.update(mechanismMembers).set(memberColumns(fields)).where(eq(mechanismMembers.id, id));
    if (fields.contacts) await replaceContacts(db, id, fields.contacts);
    return (await findMember(db, mechanism.id, id))!;
  },
  remove: (db, id) => removeRow(db, mechanismMembers, id),
};

export async function setVerifiedAt(db: Executor, memberId: string, at: Date): Promise<void> {
  await db.update(mechanismMembers).set({ verifiedAt: at }).where(eq(mechanismMembers.id, memberId));
}

/** The contacts of one member, found only when the member is the mechanism's; a new one goes last. */
export const contactStore = (memberId: string): RemovableStore<ContactBody, Contact> => ({
  find: async (db, mechanism, id) =>
    (await findMember(db, mechanism.id, memberId))?.contacts.find((c) => c.id === id) ?? null,
  async insert(db, _mechanism, contact) {
    const [last] = await db
      .select({ position: sql<number>`coalesce(max(${memberContacts.position}) + 1, 0)` })
      .from(memberContacts)
      .where(eq(memberContacts.memberId, memberId));
    const [row] = await db
      .insert(memberContacts)
      .values({ ...contact, memberId, position: Number(last?.position ?? 0) })
      .returning();
    return toContact(row!);
  },
  async update(db, _mechanism, id, contact) {
    const [row] = await db.update(memberContacts).set(contact).where(eq(memberContacts.id, id)).returning();
    return toContact(row!);
  },
  remove: (db, id) => removeRow(db, memberContacts, id),
});

/**
 * The store of a table of records a mechanism holds directly: `columns` says what a body
 * writes, `toRecord` reads a row back (times in the mechanism's zone).
 */
function tableStore<T extends MechanismTable, Body, Stored extends { id: string }>(
  table: T,
  toRecord: (row: T['$inferSelect'], timeZone: string) => Stored,
  columns: (body: Body) => Omit<T['$inferInsert'], 'mechanismId'>,
): RemovableStore<Body, Stored> {
  const same: MechanismTable = table;
  return {
    async find(db, mechanism, id) {
      const row = await rowIn(db, table, mechanism.id, id);
      return row && toRecord(row, mechanism.timeZone);
    },
    async insert(db, mechanism, body) {
      const [row] = await db
        .insert(same)
        .values({ ...columns(body), mechanismId: mechanism.id })
        .returning();
      return toRecord(row!, mechanism.timeZone);
    },
    async update(db, mechanism, id, body) {
      const [row] = await db.update(same).set(columns(body)).where(eq(same.id, id)).returning();
      return toRecord(row!, mechanism.timeZone);
    },
    remove: (db, id) => removeRow(db, table, id),
  };
}

// ——— rotation, overrides, intended gaps ———

/** The whole weekly rotation at once, in the coordinator's order. */
export async function replaceShifts(db: Executor, mechanismId: string, shifts: readonly ShiftBody[]): Promise<Shift[]> {
  await db.delete(dutyShifts).where(eq(dutyShifts.mechanismId, mechanismId));
  if (shifts.length === 0) return [];
  const rows = await db
    .insert(dutyShifts)
    .values(shifts.map((s, position) => ({ ...s, mechanismId, position })))
    .returning();
  return rows.sort((a, b) => a.position - b.position).map(toShift);
}

/** One-off intervals are instants: stored as timestamps, answered in the mechanism's zone. */
const interval = <T extends { start: string; end: string }>(body: T) => ({
  ...body,
  start: new Date(body.start),
  end: new Date(body.end),
});

export const overrideStore = tableStore(dutyOverrides, toOverride, (body: OverrideBody) => interval(body));
export const intendedGapStore = tableStore(intendedGaps, toIntendedGap, (body: IntendedGapBody) => interval(body));

/** Overrides of one side and call order of a mechanism, in time order, for the overlap check. */
export async function overridesAt(
  db: Executor,
  mechanismId: string,
  side: Override['side'],
  escalation: number,
  timeZone: string,
): Promise<Override[]> {
  const rows = await db
    .select()
    .from(dutyOverrides)
    .where(
      and(
        eq(dutyOverrides.mechanismId, mechanismId),
        eq(dutyOverrides.side, side),
        eq(dutyOverrides.escalation, escalation),
      ),
    )
    .orderBy(asc(dutyOverrides.start));
  return rows.map((o) => toOverride(o, timeZone));
}

// ——— meetings and commitments ———

const toMeeting = (m: typeof meetings.$inferSelect): Meeting => ({
  id: m.id,
  mechanismId: m.mechanismId,
  startsAt: m.startsAt,
  timeZone: m.timeZone,
  durationMinutes: m.durationMinutes,
  place: m.place,
  agenda: m.agenda,
  minutes: m.minutes,
});

const toCommitment = (c: typeof commitments.$inferSelect): Commitment => ({
  id: c.id,
  mechanismId: c.mechanismId,
  meetingId: c.meetingId,
  text: c.text,
  owner: c.owner,
  dueDate: c.dueDate,
  done: c.done,
});

/** Meetings and commitments are kept, never removed: they are the record of what was agreed. */
export const meetingStore: RecordStore<MeetingBody, Meeting> = tableStore(
  meetings,
  toMeeting,
  (body: MeetingBody) => body,
);
export const commitmentStore: RecordStore<CommitmentBody, Commitment> = tableStore(
  commitments,
  toCommitment,
  (body: CommitmentBody) => body,
);

/** Newest first: the next meeting and the last one's minutes are what readers look for. */
export async function meetingsOf(db: Executor, mechanismId: string): Promise<Meeting[]> {
  const rows = await db
    .select()
    .from(meetings)
    .where(eq(meetings.mechanismId, mechanismId))
    .orderBy(sql`${meetings.startsAt} desc`);
  return rows.map(toMeeting);
}

/** By due date; `openOnly` leaves out those done (the list's overdue flag needs only those). */
export async function commitmentsOf(db: Executor, mechanismIds: string[], openOnly = false): Promise<Commitment[]> {
  if (mechanismIds.length === 0) return [];
  const where = [inArray(commitments.mechanismId, mechanismIds)];
  if (openOnly) where.push(eq(commitments.done, false));
  const rows = await db
    .select()
    .from(commitments)
    .where(and(...where))
    .orderBy(asc(commitments.dueDate), asc(commitments.createdAt));
  return rows.map(toCommitment);
}
