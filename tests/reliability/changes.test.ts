import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { systemActor, writeChange } from '@server/core/changes.js';
import type { Database } from '@server/core/db.js';
import { auditLog } from '@server/db/schema/audit-log.js';
import { dueWork } from '@server/db/schema/due-work.js';
import { events } from '@server/db/schema/events.js';
import { incidentEvents } from '@server/db/schema/incidents.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';

const admins = [{ roles: ['admin' as const] }];

describe(`a change written as one statement (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    database = await db.open();
  });
  afterAll(async () => {
    await database.close();
    await db.dispose();
  });

  const dueRow = (subjectId: string) => ({ kind: 'advisory.expiry', subjectId, dueAt: new Date(), payload: {} });
  const written = async (subjectId: string) => ({
    due: await database.db.select().from(dueWork).where(eq(dueWork.subjectId, subjectId)),
    audit: await database.db.select().from(auditLog).where(eq(auditLog.entityId, subjectId)),
  });

  it('writes its rows, its audit record and its events together, the events numbered in the order declared', async () => {
    const subjectId = randomUUID();
    await writeChange(database.db, systemActor, (record) => {
      record.event('due-work.set-aside', { workId: subjectId, kind: 'first', subjectId }, admins);
      record.insert(dueWork, dueRow(subjectId));
      record.audit({ action: 'test.write', entity: 'due_work', entityId: subjectId });
      record.event('due-work.set-aside', { workId: subjectId, kind: 'second', subjectId }, admins);
    });
    const { due, audit } = await written(subjectId);
    expect(due).toHaveLength(1);
    expect(audit.map((a) => a.action)).toEqual(['test.write']);
    const announced = (await database.db.select().from(events).where(eq(events.kind, 'due-work.set-aside')))
      .filter((e) => (e.data as { workId: string }).workId === subjectId)
      .sort((a, b) => a.seq - b.seq);
    expect(announced.map((e) => (e.data as { kind: string }).kind)).toEqual(['first', 'second']);
  });

  it('writes nothing at all when one of its rows is refused', async () => {
    const subjectId = randomUUID();
    const orphan = randomUUID();
    await expect(
      writeChange(database.db, systemActor, (record) => {
        record.insert(dueWork, dueRow(subjectId));
        record.audit({ action: 'test.refused', entity: 'due_work', entityId: subjectId });
        record.event('due-work.set-aside', { workId: subjectId, kind: 'refused', subjectId }, admins);
        // A timeline entry of no incident: the foreign key refuses it, and with it the whole change.
        record.insert(incidentEvents, { incidentId: orphan, kind: 'reported', text: 'x', data: {}, actorName: 'x' });
      }),
    ).rejects.toThrow();
    expect(await written(subjectId)).toEqual({ due: [], audit: [] });
    const announced = await database.db.select().from(events).where(eq(events.kind, 'due-work.set-aside'));
    expect(announced.filter((e) => (e.data as { workId: string }).workId === subjectId)).toEqual([]);
    expect(
      await database.db
        .select()
        .from(incidentEvents)
        .where(inArray(incidentEvents.incidentId, [orphan])),
    ).toEqual([]);
  });

  it('writes each change its own values when changes of the same shape reuse one statement, nulls as SQL nulls', async () => {
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    const write = (subjectId: string, dueAt: Date, before?: unknown) =>
      writeChange(database.db, systemActor, (record) => {
        record.insert(dueWork, { ...dueRow(subjectId), dueAt });
        record.audit({ action: 'test.shape', entity: 'due_work', entityId: subjectId, before, after: { subjectId } });
      });
    await write(first, new Date('2026-01-01T00:00:00Z'));
    await write(second, new Date('2026-02-01T00:00:00Z'));
    // The same columns, one of them given where it was null before: another shape.
    await write(third, new Date('2026-03-01T00:00:00Z'), { was: 'here' });

    for (const [subjectId, month, before] of [
      [first, 1, null],
      [second, 2, null],
      [third, 3, { was: 'here' }],
    ] as const) {
      const { due, audit } = await written(subjectId);
      expect(due.map((d) => d.dueAt.toISOString())).toEqual([`2026-0${month}-01T00:00:00.000Z`]);
      expect(audit.map((a) => [a.before, a.after])).toEqual([[before, { subjectId }]]);
    }
    // Absent is SQL NULL, not the JSON value null.
    const nulls = await database.db
      .select({ entityId: auditLog.entityId })
      .from(auditLog)
      .where(and(inArray(auditLog.entityId, [first, second, third]), isNull(auditLog.before)));
    expect(nulls.map((n) => n.entityId).sort()).toEqual([first, second].sort());
  });
});
