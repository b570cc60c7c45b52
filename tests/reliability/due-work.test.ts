import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineDueWork } from '@shared/due-work/define.js';
import { changesOf, systemActor, writeChange } from '@server/core/changes.js';
import type { Database } from '@server/core/db.js';
import { DueWorkRunner, type DueWorkHandler, type NewDueWork } from '@server/core/due-work.js';
import { auditLog } from '@server/db/schema/audit-log.js';
import { dueWork } from '@server/db/schema/due-work.js';
import { events } from '@server/db/schema/events.js';
import { DueWorkService } from '@server/features/due-work/service.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock } from '../helpers/app.js';

const label = { en: 'Test work', es: 'Tarea de prueba' };
const nothing = { payload: z.object({}), label };
/** The runner's own catalogue in these tests: each test uses a kind of its own. */
const kinds = defineDueWork({
  'advisory.expiry': { payload: z.object({ zone: z.string() }), label },
  'notice.deadline': nothing,
  'roster.gap': nothing,
  'something.else': nothing,
  'meeting.reminder': nothing,
  'export.upload': { payload: z.object({ bucket: z.string() }), label },
  'report.send': { payload: z.object({ copies: z.number().int() }), label },
  'feed.refresh': nothing,
});
const MAX_ATTEMPTS = 3;

describe(`due work runner (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let database: Database;
  const failures: unknown[] = [];
  const runnerOn = (clock: ManualClock) =>
    new DueWorkRunner(database.db, clock, {
      kinds,
      pollMs: 3_600_000,
      maxAttempts: MAX_ATTEMPTS,
      onError: (error) => failures.push(error),
    });
  /** Schedules `work` as a change of its own would. */
  const schedule = (runner: DueWorkRunner<typeof kinds>, work: NewDueWork<typeof kinds>) =>
    writeChange(database.db, systemActor, (record) => runner.schedule(record, work));
  const rowsOf = (kind: string) => database.db.select().from(dueWork).where(eq(dueWork.kind, kind));
  const auditOf = (action: string) => database.db.select().from(auditLog).where(eq(auditLog.action, action));
  const eventsOf = (kind: string) => database.db.select().from(events).where(eq(events.kind, kind));
  const admin = {
    id: '00000000-0000-4000-8000-0000000000ad',
    username: 'admin.test',
    displayName: 'Test admin',
    role: 'admin',
    country: 'US',
    agency: 'Console administration',
    mechanismId: null,
  } as const;

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
    const seen: Array<{ subjectId: string; zone: string }> = [];
    runner.register('advisory.expiry', async ({ record, work }) => {
      seen.push({ subjectId: work.subjectId, zone: work.payload.zone });
      record.audit({ action: 'advisory.expire', entity: 'advisory', entityId: work.subjectId });
    });
    const dueAt = new Date('2026-07-04T21:45:00Z');
    await schedule(runner, {
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
    expect(seen).toEqual([{ subjectId: 'adv-1', zone: 'canal' }]);
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
    await schedule(runner, { kind: 'notice.deadline', subjectId: 'mov-7', dueAt: clock.now() });

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
      await schedule(instances[0]!, { kind: 'roster.gap', subjectId, dueAt: clock.now() });
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
    await schedule(runner, { kind: 'meeting.reminder', subjectId: 'meeting-3', dueAt: clock.now() });
    const asked = runner.tick();
    release();
    expect(await inFlight).toBe(0);
    expect(await asked).toBe(1);
    expect(ran).toEqual(['meeting-3']);
  });

  it('takes kinds and payloads from its catalogue: an unknown kind or a payload that does not match is refused', async () => {
    const runner = runnerOn(new ManualClock(new Date('2026-07-04T21:40:00Z')));
    const dueAt = new Date('2026-07-04T21:45:00Z');
    await expect(
      // @ts-expect-error: `zone` is a string in the catalogue.
      schedule(runner, { kind: 'advisory.expiry', subjectId: 'adv-2', dueAt, payload: { zone: 7 } }),
    ).rejects.toThrow();
    // @ts-expect-error: no such kind in the catalogue.
    void ({ kind: 'no.such.kind', subjectId: 'x', dueAt } satisfies NewDueWork<typeof kinds>);
    await expect(
      // @ts-expect-error: `advisory.expiry` carries a zone.
      schedule(runner, { kind: 'advisory.expiry', subjectId: 'adv-2', dueAt }),
    ).rejects.toThrow();
    expect(await rowsOf('advisory.expiry')).toHaveLength(1);
  });

  it('sets work aside after its last allowed attempt, with its last error and attempts, and never runs it again', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const runner = runnerOn(clock);
    let calls = 0;
    runner.register('export.upload', async ({ work }) => {
      calls++;
      throw new Error(`bucket ${work.payload.bucket} refused the upload (${calls})`);
    });
    await schedule(runner, {
      kind: 'export.upload',
      subjectId: 'export-1',
      dueAt: clock.now(),
      payload: { bucket: 'archive' },
    });

    // Attempts 1 and 2 fail and are retried after 1 then 2 minutes; attempt 3 is the last.
    for (const wait of [0, 1, 2]) {
      clock.advance(wait);
      expect(await runner.tick()).toBe(0);
    }
    expect(calls).toBe(MAX_ATTEMPTS);
    const [row] = await rowsOf('export.upload');
    expect(row).toMatchObject({
      attempts: MAX_ATTEMPTS,
      doneAt: null,
      setAsideAt: clock.now(),
      setAsideReason: 'attempts',
      lastError: 'Error: bucket archive refused the upload (3)',
    });
    // An administrator hears of it, and the audit trail says so.
    expect(await eventsOf('due-work.set-aside')).toContainEqual(
      expect.objectContaining({ data: { workId: row!.id, kind: 'export.upload', subjectId: 'export-1' } }),
    );
    expect((await auditOf('due-work.set-aside')).map((a) => a.entityId)).toContain(row!.id);

    clock.advance(24 * 60);
    expect(await runner.tick()).toBe(0);
    expect(calls).toBe(MAX_ATTEMPTS);
  });

  it('sets aside at once, without running it, a row whose payload its kind refuses', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const runner = runnerOn(clock);
    let calls = 0;
    runner.register('report.send', async () => {
      calls++;
    });
    // Written by an older release, or by hand: the schema no longer reads it.
    await database.db
      .insert(dueWork)
      .values({ kind: 'report.send', subjectId: 'report-9', dueAt: clock.now(), payload: { copies: 'two' } });

    expect(await runner.tick()).toBe(0);
    expect(calls).toBe(0);
    const [row] = await rowsOf('report.send');
    expect(row).toMatchObject({ attempts: 1, doneAt: null, setAsideAt: clock.now(), setAsideReason: 'payload' });
    expect(row!.lastError).toContain('copies');
    clock.advance(60);
    expect(await runner.tick()).toBe(0);
    expect(calls).toBe(0);
  });

  it('runs set-aside work again once an administrator retries it, with its attempts counted afresh', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const runner = runnerOn(clock);
    const service = new DueWorkService({ db: database.db, changes: changesOf(database.db), clock });
    let feedDown = true;
    const ran: string[] = [];
    runner.register('feed.refresh', async ({ work }) => {
      if (feedDown) throw new Error('feed unreachable');
      ran.push(work.subjectId);
    });
    await schedule(runner, { kind: 'feed.refresh', subjectId: 'feed-1', dueAt: clock.now() });
    for (const wait of [0, 1, 2]) {
      clock.advance(wait);
      await runner.tick();
    }
    const [setAside] = await rowsOf('feed.refresh');
    expect(setAside!.setAsideAt).not.toBeNull();
    expect((await service.setAside()).map((w) => w.id)).toContain(setAside!.id);

    feedDown = false;
    clock.advance(30);
    await service.retry(admin, setAside!.id);
    expect((await service.setAside()).map((w) => w.id)).not.toContain(setAside!.id);
    expect(await runner.tick()).toBe(1);
    expect(ran).toEqual(['feed-1']);
    const [done] = await rowsOf('feed.refresh');
    expect(done).toMatchObject({ doneAt: clock.now(), setAsideAt: null, attempts: 0 });
    const [audit] = await auditOf('due-work.retry');
    expect(audit).toMatchObject({ entityId: setAside!.id, actorUsername: 'admin.test' });
    expect(await eventsOf('due-work.retried')).toHaveLength(1);

    // Retried once; a second retry finds nothing set aside.
    await expect(service.retry(admin, setAside!.id)).rejects.toMatchObject({ statusCode: 404 });
  });
});
