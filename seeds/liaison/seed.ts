import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { DueWorkKind } from '@shared/due-work/catalogue.js';
import type { GapWarningPayload } from '@shared/liaison/due-work.js';
import type { Executor } from '@server/core/db.js';
import { dueWork } from '@server/db/schema/due-work.js';
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
import { mechanisms } from '@server/db/schema/reference.js';
import { mechanismAreaColumns, upsert } from '../reference.js';
import { mechanismAreas } from './mechanism-areas.js';
import { interiorMechanisms } from './mechanisms.js';
import { liaisonSeed, type LiaisonSeed } from './rosters.js';

/**
 * Every mechanism's area (the band partition and the ICMs' illustrative circles),
 * refreshed on each run unless an administrator drew it (`areaMethod` `drawn`).
 */
export async function seedMechanismAreas(db: Executor): Promise<void> {
  for (const { mechanismId, area, method, basis } of mechanismAreas()) {
    await db
      .update(mechanisms)
      .set({ area, areaMethod: method, areaBasis: basis })
      .where(
        and(eq(mechanisms.id, mechanismId), or(isNull(mechanisms.areaMethod), ne(mechanisms.areaMethod, 'drawn'))),
      );
  }
}

/** A few Interior Consultation Mechanisms, marked illustrative: the reference lists none (demo data). */
export async function seedInteriorMechanisms(db: Executor): Promise<void> {
  const rows = interiorMechanisms.map((m) => ({
    id: m.id,
    kind: m.kind,
    usCity: m.usCity,
    usState: m.usState,
    mxCity: null,
    mxState: null,
    centre: { x: m.location.lon, y: m.location.lat },
    timeZone: m.timeZone,
    evidence: m.evidence,
    approx: m.approx,
    illustrative: m.illustrative,
    sources: [],
  }));
  await upsert(db, mechanisms, mechanisms.id, rows, mechanismAreaColumns);
}

/**
 * The fictional demo rosters, rotations, meetings and commitments (seeds/liaison/rosters.ts),
 * loaded once per mechanism: a mechanism whose roster was seeded before is left as its
 * coordinators made it, even if they emptied it. Each seeded roster starts its
 * coverage-gap warnings (server/features/liaison/jobs.ts).
 */
export async function seedRosters(db: Executor, now: Date): Promise<void> {
  for (const seed of liaisonSeed(now.toISOString())) {
    const [first] = await db
      .insert(mechanismRosters)
      .values({ mechanismId: seed.mechanismId, version: 1, demoSeededAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: mechanismRosters.mechanismId,
        set: { demoSeededAt: now, version: sql`${mechanismRosters.version} + 1`, updatedAt: now },
        setWhere: isNull(mechanismRosters.demoSeededAt),
      })
      .returning({ version: mechanismRosters.version });
    if (!first) continue;
    await insertRoster(db, seed);
    await db.insert(dueWork).values({
      kind: 'liaison.coverage-gap' satisfies DueWorkKind,
      subjectId: seed.mechanismId,
      dueAt: now,
      payload: { version: first.version } satisfies GapWarningPayload,
    });
  }
}

async function insertRoster(db: Executor, seed: LiaisonSeed): Promise<void> {
  const { mechanismId } = seed;
  await db.insert(mechanismMembers).values(
    seed.members.map((m) => ({
      id: m.id,
      mechanismId,
      name: m.name,
      familyName: m.familyName,
      role: m.role,
      agency: m.agency,
      country: m.country,
      verifiedAt: new Date(m.verifiedAt),
    })),
  );
  await db
    .insert(memberContacts)
    .values(seed.members.flatMap((m) => m.contacts.map((c, position) => ({ ...c, memberId: m.id, position }))));
  await db.insert(dutyShifts).values(seed.shifts.map((s, position) => ({ ...s, mechanismId, position })));
  const instants = <T extends { start: string; end: string }>(x: T) => ({
    ...x,
    mechanismId,
    start: new Date(x.start),
    end: new Date(x.end),
  });
  if (seed.overrides.length) await db.insert(dutyOverrides).values(seed.overrides.map(instants));
  if (seed.intendedGaps.length) await db.insert(intendedGaps).values(seed.intendedGaps.map(instants));
  if (seed.meetings.length) await db.insert(meetings).values(seed.meetings);
  if (seed.commitments.length) await db.insert(commitments).values(seed.commitments);
}
