import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { SetAsideWork } from '@shared/due-work/contract.js';
import { dueWork } from '@server/db/schema/due-work.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, signedInUser, type TestUser } from '../helpers/factories.js';

describe(`work set aside, for administrators (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let admin: TestUser;
  let supervisor: TestUser;
  let liaison: TestUser;
  const clock = new ManualClock(new Date('2026-07-04T22:00:00Z'));

  const send = (user: TestUser, method: 'GET' | 'POST', url: string) =>
    app.inject({ method, url, headers: { cookie: user.cookie } });
  const setAside = async () => {
    const res = await send(admin, 'GET', '/api/due-work/set-aside');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SetAsideWork[];
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock });
    [admin, supervisor, liaison] = await Promise.all([
      signedInUser(app, { role: 'admin', country: 'US', mechanismId: null }),
      signedInUser(app, officers.usSupervisor),
      signedInUser(app, officers.usLiaison),
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('lists work set aside with why, and puts it back in the queue on retry', async () => {
    // An escalation that names no alert (written by hand, or by an older release): it can't run.
    const [row] = await app.db
      .insert(dueWork)
      .values({ kind: 'incident.escalation', subjectId: 'incident-x', dueAt: clock.now(), payload: {} })
      .returning();
    await app.dueWork.tick();

    const [listed] = (await setAside()).filter((w) => w.id === row!.id);
    expect(listed).toMatchObject({
      kind: 'incident.escalation',
      subjectId: 'incident-x',
      reason: 'payload',
      attempts: 1,
      setAsideAt: clock.now().toISOString(),
    });
    expect(listed!.lastError).toContain('alertId');

    clock.advance(5);
    const retried = await send(admin, 'POST', `/api/due-work/${row!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(204);
    expect((await setAside()).map((w) => w.id)).not.toContain(row!.id);
    const [requeued] = await app.db.select().from(dueWork).where(eq(dueWork.id, row!.id));
    expect(requeued).toMatchObject({ setAsideAt: null, attempts: 0, dueAt: clock.now(), doneAt: null });

    // Retried already: a second retry (another admin's, say) finds nothing to do.
    const again = await send(admin, 'POST', `/api/due-work/${row!.id}/retry`);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'not_found' });

    // Its payload still can't be read, so the next run sets it aside again.
    await app.dueWork.tick();
    expect((await setAside()).map((w) => w.id)).toContain(row!.id);
  });

  it('refuses everyone but administrators, changing nothing', async () => {
    const [row] = await app.db
      .insert(dueWork)
      .values({
        kind: 'advisory.expiry',
        subjectId: 'advisory-x',
        dueAt: clock.now(),
        setAsideAt: clock.now(),
        setAsideReason: 'attempts',
        attempts: 10,
        lastError: 'Error: boom',
      })
      .returning();
    for (const user of [supervisor, liaison]) {
      for (const [method, url] of [
        ['GET', '/api/due-work/set-aside'],
        ['POST', `/api/due-work/${row!.id}/retry`],
      ] as const) {
        const res = await send(user, method, url);
        expect(res.statusCode, `${user.role} ${method} ${url}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'forbidden' });
      }
    }
    expect((await setAside()).map((w) => w.id)).toContain(row!.id);
    const unknown = await send(admin, 'POST', '/api/due-work/00000000-0000-4000-8000-000000000000/retry');
    expect(unknown.statusCode).toBe(404);
  });
});
