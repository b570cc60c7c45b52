import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { alerts } from '@server/db/schema/alerts.js';
import { events } from '@server/db/schema/events.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, reportIncident, signedInUser, type TestUser } from '../helpers/factories.js';

async function escalationsOf(app: FastifyInstance, incidentId: string) {
  const rows = await app.db.select().from(alerts).where(eq(alerts.incidentId, incidentId));
  const announced = (await app.db.select().from(events).where(eq(events.kind, 'alert.escalated'))).filter(
    (e) => e.data.incidentId === incidentId,
  );
  return { central: rows.filter((r) => r.tier === 'central'), local: rows.find((r) => r.tier === 'local')!, announced };
}

describe(`escalation to the central desks (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  const running: FastifyInstance[] = [];
  const start = async (clock: ManualClock, env: Record<string, string> = {}) => {
    const app = await startApp(await db.open(), { clock, env });
    running.push(app);
    return app;
  };
  const heatStroke = (app: FastifyInstance, user: TestUser, severity: 'critical' | 'high' | 'low') =>
    reportIncident(app, user, { type: 'heat_exposure', severity, summary: 'Two people with heat stroke' });
  const acknowledge = (app: FastifyInstance, user: TestUser, id: string) =>
    app.inject({ method: 'POST', url: `/api/incidents/${id}/acknowledge`, headers: { cookie: user.cookie } });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((a) => a.close()));
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('escalates a critical alert after 10 minutes when one government has not acknowledged, naming who is pending', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const app = await start(clock);
    const liaison = await signedInUser(app, officers.usLiaison);
    const desk = await signedInUser(app, officers.mxCentral);
    const { id } = await heatStroke(app, liaison, 'critical');
    await acknowledge(app, liaison, id);

    clock.advance(9);
    await app.dueWork.tick();
    expect((await escalationsOf(app, id)).central).toHaveLength(0);

    clock.advance(2);
    await app.dueWork.tick();
    const { central, announced } = await escalationsOf(app, id);
    expect(central).toHaveLength(1);
    expect(announced).toHaveLength(1);
    expect(announced[0]!.data.pending).toEqual(['MX']);

    const list = (await app.inject({ url: '/api/escalations', headers: { cookie: desk.cookie } })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
    const detail = (await app.inject({ url: `/api/incidents/${id}`, headers: { cookie: desk.cookie } })).json();
    expect(detail.timeline.some((e: { kind: string }) => e.kind === 'escalated')).toBe(true);
    expect(detail.alerts.map((a: { tier: string }) => a.tier)).toEqual(['local', 'central']);
  });

  it('does not escalate once both governments acknowledged in time', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const app = await start(clock);
    const liaison = await signedInUser(app, officers.usLiaison);
    const consul = await signedInUser(app, officers.mxConsul);
    const { id } = await heatStroke(app, liaison, 'high');
    clock.advance(5);
    for (const user of [liaison, consul]) await acknowledge(app, user, id);
    clock.advance(60);
    await app.dueWork.tick();
    const { central, local, announced } = await escalationsOf(app, id);
    expect(central).toHaveLength(0);
    expect(announced).toHaveLength(0);
    expect(local.settledAt).not.toBeNull();
  });

  it('uses the deployment’s configured deadlines', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const app = await start(clock, { ACK_MINUTES_LOW: '5' });
    const consul = await signedInUser(app, officers.mxConsul);
    const { id } = await heatStroke(app, consul, 'low');
    clock.advance(6);
    await app.dueWork.tick();
    expect((await escalationsOf(app, id)).central).toHaveLength(1);
  });

  it('fires after a restart when the deadline passed while the server was down', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const before = await start(clock);
    const { id } = await heatStroke(before, await signedInUser(before, officers.usLiaison), 'critical');
    await before.close();
    running.splice(0);

    clock.advance(30);
    const after = await start(clock);
    // The first tick runs on start-up; wait for it rather than triggering another.
    await after.dueWork.tick();
    const { central, announced } = await escalationsOf(after, id);
    expect(central).toHaveLength(1);
    expect(announced).toHaveLength(1);
    expect(announced[0]!.data.pending).toEqual(['US', 'MX']);
  });

  it.skipIf(!onPostgres)('fires exactly once when two instances race for the same due alerts', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const a = await start(clock);
    const b = await start(clock);
    const liaison = await signedInUser(a, officers.usLiaison);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await heatStroke(i % 2 ? a : b, liaison, 'critical')).id);
    clock.advance(11);
    const ran = await Promise.all([a, b, a, b].map((app) => app.dueWork.tick()));
    expect(ran.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(10);
    for (const id of ids) {
      const { central, announced } = await escalationsOf(a, id);
      expect(central, id).toHaveLength(1);
      expect(announced, id).toHaveLength(1);
    }
  });
});
