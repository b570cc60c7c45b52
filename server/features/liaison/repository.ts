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
  const [row] = await db
    .select()
    .from(mechanismMembers)
    .where(and(eq(mechanismMembers.id, memberId), eq(mechanismMembers.mechanismId, mechanismId)));
  if (!row) return null;
  const contacts = await db
    .select()
    .from(memberContacts)
    .where(eq(memberContacts.memberId, memberId))
    .orderBy(asc(memberContacts.position));
  return toMember(row, contacts);
}

export interface MemberFields {
  name: string;
  familyName?: string;
  role: string;
  agency: string;
  country: Member['country'];
  verifiedAt: Date;
}

const memberColumns = (m: MemberFields) => ({
  name: m.name,
  familyName: m.familyName ?? null,
  role: m.role,
  agency: m.agency,
  country: m.country,
  verifiedAt: m.verifiedAt,
});

export async function insertMember(
  db: Executor,
  mechanismId: string,
  fields: MemberFields,
  contacts: readonly ContactBody[],
): Promise<Member> {
  const [row] = await db
    .insert(mechanismMembers)
    .values({ mechanismId, ...memberColumns(fields) })
    .returning({ id: mechanismMembers.id });
  await replaceContacts(db, row!.id, contacts);
  return (await findMember(db, mechanismId, row!.id))!;
}

export async function updateMember(
  db: Executor,
  mechanismId: string,
  memberId: string,
  fields: MemberFields,
  contacts: readonly ContactBody[] | undefined,
): Promise<Member> {
  await db.update(mechanismMembers).set(memberColumns(fields)).where(eq(mechanismMembers.id, memberId));
  if (contacts) await replaceContacts(db, memberId, contacts);
  return (await findMember(db, mechanismId, memberId))!;
}

export async function setVerifiedAt(db: Executor, memberId: string, at: Date): Promise<void> {
  await db.update(mechanismMembers).set({ verifiedAt: at }).where(eq(mechanismMembers.id, memberId));
}

/** Contacts go with the member; its shifts and overrides stay, empty, and show as gaps. */
export async function deleteMember(db: Executor, memberId: string): Promise<void> {
  await db.delete(mechanismMembers).where(eq(mechanismMembers.id, memberId));
}

async function replaceContacts(db: Executor, memberId: string, contacts: readonly ContactBody[]): Promise<void> {
  await db.delete(memberContacts).where(eq(memberContacts.memberId, memberId));
  if (contacts.length)
    await db.insert(memberContacts).values(contacts.map((c, position) => ({ ...c, memberId, position })));
}

export async function insertContact(db: Executor, memberId: string, contact: ContactBody): Promise<Contact> {
  const [last] = await db
    .select({ position: sql<number>`coalesce(max(${memberContacts.position}) + 1, 0)` })
    .from(memberContacts)
    .where(eq(memberContacts.memberId, memberId));
  const [row] = await db
    .insert(memberContacts)
    .values({ ...contact, memberId, position: Number(last?.position ?? 0) })
    .returning();
  return toContact(row!);
}

export async function updateContact(db: Executor, contactId: string, contact: ContactBody): Promise<Contact> {
  const [row] = await db.update(memberContacts).set(contact).where(eq(memberContacts.id, contactId)).returning();
  return toContact(row!);
}

export async function deleteContact(db: Executor, contactId: string): Promise<void> {
  await db.delete(memberContacts).where(eq(memberContacts.id, contactId));
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

const interval = <T extends { start: string; end: string }>(body: T) => ({
  ...body,
  start: new Date(body.start),
  end: new Date(body.end),
});

export async function findOverride(
  db: Executor,
  mechanismId: string,
  overrideId: string,
  timeZone: string,
): Promise<Override | null> {
  const [row] = await db
    .select()
    .from(dutyOverrides)
    .where(and(eq(dutyOverrides.id, overrideId), eq(dutyOverrides.mechanismId, mechanismId)));
  return row ? toOverride(row, timeZone) : null;
}

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

export async function insertOverride(
  db: Executor,
  mechanismId: string,
  body: OverrideBody,
  timeZone: string,
): Promise<Override> {
  const [row] = await db
    .insert(dutyOverrides)
    .values({ ...interval(body), mechanismId })
    .returning();
  return toOverride(row!, timeZone);
}

export async function updateOverride(
  db: Executor,
  overrideId: string,
  body: OverrideBody,
  timeZone: string,
): Promise<Override> {
  const [row] = await db.update(dutyOverrides).set(interval(body)).where(eq(dutyOverrides.id, overrideId)).returning();
  return toOverride(row!, timeZone);
}

export async function deleteOverride(db: Executor, overrideId: string): Promise<void> {
  await db.delete(dutyOverrides).where(eq(dutyOverrides.id, overrideId));
}

export async function findIntendedGap(
  db: Executor,
  mechanismId: string,
  gapId: string,
  timeZone: string,
): Promise<IntendedGap | null> {
  const [row] = await db
    .select()
    .from(intendedGaps)
    .where(and(eq(intendedGaps.id, gapId), eq(intendedGaps.mechanismId, mechanismId)));
  return row ? toIntendedGap(row, timeZone) : null;
}

export async function insertIntendedGap(
  db: Executor,
  mechanismId: string,
  body: IntendedGapBody,
  timeZone: string,
): Promise<IntendedGap> {
  const [row] = await db
    .insert(intendedGaps)
    .values({ ...interval(body), mechanismId })
    .returning();
  return toIntendedGap(row!, timeZone);
}

export async function updateIntendedGap(
  db: Executor,
  gapId: string,
  body: IntendedGapBody,
  timeZone: string,
): Promise<IntendedGap> {
  const [row] = await db.update(intendedGaps).set(interval(body)).where(eq(intendedGaps.id, gapId)).returning();
  return toIntendedGap(row!, timeZone);
}

export async function deleteIntendedGap(db: Executor, gapId: string): Promise<void> {
  await db.delete(intendedGaps).where(eq(intendedGaps.id, gapId));
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

/** Newest first: the next meeting and the last one's minutes are what readers look for. */
export async function meetingsOf(db: Executor, mechanismId: string): Promise<Meeting[]> {
  const rows = await db
    .select()
    .from(meetings)
    .where(eq(meetings.mechanismId, mechanismId))
    .orderBy(sql`${meetings.startsAt} desc`);
  return rows.map(toMeeting);
}

export async function findMeeting(db: Executor, mechanismId: string, meetingId: string): Promise<Meeting | null> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.mechanismId, mechanismId)));
  return row ? toMeeting(row) : null;
}

export async function insertMeeting(db: Executor, mechanismId: string, body: MeetingBody): Promise<Meeting> {
  const [row] = await db
    .insert(meetings)
    .values({ ...body, mechanismId })
    .returning();
  return toMeeting(row!);
}

export async function updateMeeting(db: Executor, meetingId: string, body: MeetingBody): Promise<Meeting> {
  const [row] = await db.update(meetings).set(body).where(eq(meetings.id, meetingId)).returning();
  return toMeeting(row!);
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

export async function findCommitment(
  db: Executor,
  mechanismId: string,
  commitmentId: string,
): Promise<Commitment | null> {
  const [row] = await db
    .select()
    .from(commitments)
    .where(and(eq(commitments.id, commitmentId), eq(commitments.mechanismId, mechanismId)));
  return row ? toCommitment(row) : null;
}

export async function insertCommitment(db: Executor, mechanismId: string, body: CommitmentBody): Promise<Commitment> {
  const [row] = await db
    .insert(commitments)
    .values({ ...body, mechanismId })
    .returning();
  return toCommitment(row!);
}

export async function updateCommitment(db: Executor, commitmentId: string, body: CommitmentBody): Promise<Commitment> {
  const [row] = await db.update(commitments).set(body).where(eq(commitments.id, commitmentId)).returning();
  return toCommitment(row!);
}
