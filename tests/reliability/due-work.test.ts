import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@server/core/db.js';
import { DueWorkRunner, type DueWorkHandler } from '@server/core/due-work.js';
import { auditLog } from '@server/db/schema/audit-log.js';
import { dueWork } from '@server/db/schema/due-work.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock } from '../helpers/app.js';

// A second kind besides the incidents' escalation: what a later feature (advisory expiry,
// repatriation notice deadlines) registers. Each test uses a kind of its own.
describe(`due work runner (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let database: Database;
  const failures: unknown[] = [];
  const runnerOn = (clock: ManualClock) =>
    new DueWorkRunner(database.db, clock, { pollMs: 3_600_000, onError: (error) => failures.push(error) });
  const rowsOf = (kind: string) => database.db.select().from(dueWork).where(eq(dueWork.kind, kind));
  const auditOf = (action: string) => database.db.select().from(auditLog).where(eq(auditLog.action, action));

  beforeAll(async () => {
    db = await createTestDatabase();
    database = await db.open();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('runs a row once when it falls due, its writes committing with it', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const runner = runnerOn(clock);
    const seen: Array<{ subjectId: string; payload: unknown }> = [];
    runner.register('advisory.expiry', async ({ record, work }) => {
      seen.push({ subjectId: work.subjectId, payload: work.payload });
      record.audit({ action: 'advisory.expire', entity: 'advisory', entityId: work.subjectId });
    });
    const dueAt = new Date('2026-07-04T21:45:00Z');
    await runner.schedule(database.db, {
      kind: 'advisory.expiry',
      subjectId: 'adv-1',
      dueAt,
      payload: { zone: 'canal' },
    });

    clock.advance(4);
    expect(await runner.tick()).toBe(0);
    expect(seen).toEqual([]);

    clock.advance(1);
    expect(await runner.tick()).toBe(1);
    expect(seen).toEqual([{ subjectId: 'adv-1', payload: { zone: 'canal' } }]);
    expect(await auditOf('advisory.expire')).toHaveLength(1);
    const [row] = await rowsOf('advisory.expiry');
    expect(row!.doneAt).toEqual(dueAt);

    clock.advance(60);
    expect(await runner.tick()).toBe(0);
    expect(seen).toHaveLength(1);
  });

  it('rolls back a failed run with everything it wrote, and retries it later', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const runner = runnerOn(clock);
    let calls = 0;
    runner.register('notice.deadline', async ({ record, work }) => {
      calls++;
      record.audit({ action: 'notice.overdue', entity: 'movement', entityId: work.subjectId });
      if (calls === 1) throw new Error('consulate directory unreachable');
    });
    await runner.schedule(database.db, { kind: 'notice.deadline', subjectId: 'mov-7', dueAt: clock.now() });

    expect(await runner.tick()).toBe(0);
    expect(failures.map(String)).toContain('Error: consulate directory unreachable');
    expect(await auditOf('notice.overdue')).toHaveLength(0);
    const [failed] = await rowsOf('notice.deadline');
    expect(failed).toMatchObject({ attempts: 1, doneAt: null, lastError: 'Error: consulate directory unreachable' });
    // The first retry waits a minute (then 2, 4… up to an hour).
    expect(failed!.dueAt).toEqual(new Date('2026-07-04T21:41:00Z'));

    clock.advance(0.5);
    expect(await runner.tick()).toBe(0);
    clock.advance(0.5);
    expect(await runner.tick()).toBe(1);
    expect(await auditOf('notice.overdue')).toHaveLength(1);
  });

  it('runs each row exactly once when several instances tick at once, and leaves kinds it cannot run', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const ran: string[] = [];
    const handler: DueWorkHandler = async ({ work }) => {
      ran.push(work.subjectId);
    };
    const instances = [runnerOn(clock), runnerOn(clock), runnerOn(clock)];
    for (const runner of instances) runner.register('roster.gap', handler);
    // An instance of an older release that knows no roster gaps must not claim them.
    const older = runnerOn(clock);
    older.register('something.else', handler);

    const subjects = Array.from({ length: 12 }, (_, i) => `roster-${i}`);
    for (const subjectId of subjects)
      await instances[0]!.schedule(database.db, { kind: 'roster.gap', subjectId, dueAt: clock.now() });
    expect(await older.tick()).toBe(0);

    const counts = await Promise.all(instances.map((runner) => runner.tick()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(subjects.length);
    expect([...ran].sort()).toEqual([...subjects].sort());
    expect((await rowsOf('roster.gap')).every((row) => row.doneAt !== null && row.attempts === 0)).toBe(true);
  });

  it('runs what fell due while a pass was under way when asked then, rather than answer with that pass', async () => {
    // A slow database (a busy machine, PostgreSQL) stretches a pass: it may have found nothing
    // due just before an escalation fell due; whoever ticks after that must see it run.
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const runner = runnerOn(clock);
    const ran: string[] = [];
    runner.register('meeting.reminder', async ({ work }) => {
      ran.push(work.subjectId);
    });
    // Hold the first pass right after it found nothing due.
    const internals = runner as unknown as { runOne(): Promise<string> };
    const runOne = internals.runOne.bind(runner);
    let looked!: () => void;
    let release!: () => void;
    const [hasLooked, released] = [new Promise<void>((r) => (looked = r)), new Promise<void>((r) => (release = r))];
    let first = true;
    internals.runOne = async () => {
      const outcome = await runOne();
      if (first) {
        first = false;
        looked();
        await released;
      }
      return outcome;
    };

    const inFlight = runner.tick();
    await hasLooked;
    await runner.schedule(database.db, { kind: 'meeting.reminder', subjectId: 'meeting-3', dueAt: clock.now() });
    const asked = runner.tick();
    release();
    expect(await inFlight).toBe(0);
    expect(await asked).toBe(1);
    expect(ran).toEqual(['meeting-3']);
  });
});
