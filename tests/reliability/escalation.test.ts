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
    // The reporter's government (US) acknowledged with the report.
    expect(announced[0]!.data.pending).toEqual(['MX']);
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

  it('settles the alerts of an incident closed before its deadline: nothing escalates afterwards, nothing is left to acknowledge', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const app = await start(clock);
    const liaison = await signedInUser(app, officers.usLiaison);
    const consul = await signedInUser(app, officers.mxConsul);
    const desk = await signedInUser(app, officers.mxCentral);
    const { id } = await heatStroke(app, liaison, 'critical');
    const patch = (body: Record<string, unknown>) =>
      app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, headers: { cookie: liaison.cookie }, payload: body });
    // Neither government has done anything yet but report it (the US, with the report).
    expect((await patch({ version: 1, status: 'responding' })).statusCode).toBe(200);
    expect((await patch({ version: 2, status: 'resolved' })).statusCode).toBe(200);
    expect((await patch({ version: 3, status: 'closed' })).statusCode).toBe(200);

    clock.advance(30);
    await app.dueWork.tick();
    const { central, local, announced } = await escalationsOf(app, id);
    expect(central).toHaveLength(0);
    expect(announced).toHaveLength(0);
    expect(local.settledAt).not.toBeNull();
    const detail = (await app.inject({ url: `/api/incidents/${id}`, headers: { cookie: consul.cookie } })).json();
    expect(detail.alerts[0].settledAt).not.toBeNull();
    expect(detail.timeline.some((e: { kind: string }) => e.kind === 'escalated')).toBe(false);
    const awaiting = await app.inject({
      url: '/api/incidents/awaiting-acknowledgement',
      headers: { cookie: consul.cookie },
    });
    expect(awaiting.json().items.map((a: { incidentId: string }) => a.incidentId)).not.toContain(id);
    const desks = (await app.inject({ url: '/api/escalations', headers: { cookie: desk.cookie } })).json();
    expect(desks.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('settles an escalated alert when the incident is resolved: the central desk list shows it settled', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const app = await start(clock);
    const liaison = await signedInUser(app, officers.usLiaison);
    const desk = await signedInUser(app, officers.mxCentral);
    const { id } = await heatStroke(app, liaison, 'critical');
    clock.advance(11);
    await app.dueWork.tick();
    const patch = (body: Record<string, unknown>) =>
      app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, headers: { cookie: liaison.cookie }, payload: body });
    expect((await patch({ version: 1, status: 'responding' })).statusCode).toBe(200);
    expect((await patch({ version: 2, status: 'resolved' })).statusCode).toBe(200);
    const desks = (await app.inject({ url: '/api/escalations', headers: { cookie: desk.cookie } })).json();
    const listed = desks.items.find((i: { id: string }) => i.id === id);
    expect(listed.status).toBe('resolved');
    expect(
      listed.alerts.map((a: { tier: string; settledAt: string | null }) => [a.tier, Boolean(a.settledAt)]),
    ).toEqual([
      ['local', true],
      ['central', true],
    ]);
  });

  it('records the reporting government’s acknowledgement with the report: only the other government’s clock runs', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const app = await start(clock);
    const liaison = await signedInUser(app, officers.usLiaison);
    const consul = await signedInUser(app, officers.mxConsul);
    const { id } = await heatStroke(app, liaison, 'high');
    const detail = (await app.inject({ url: `/api/incidents/${id}`, headers: { cookie: liaison.cookie } })).json();
    expect(detail.acknowledgements).toEqual([
      { government: 'US', tier: 'local', by: liaison.displayName, at: '2026-07-04T21:40:00.000Z', withReport: true },
    ]);
    const awaitingFor = async (user: TestUser) =>
      (await app.inject({ url: '/api/incidents/awaiting-acknowledgement', headers: { cookie: user.cookie } })).json();
    expect((await awaitingFor(liaison)).items.map((a: { incidentId: string }) => a.incidentId)).not.toContain(id);
    const mexico = await awaitingFor(consul);
    expect(mexico.government).toBe('MX');
    expect(mexico.items).toContainEqual(
      expect.objectContaining({ incidentId: id, tier: 'local', ackDeadline: '2026-07-04T22:00:00.000Z' }),
    );
    const feed = await app.inject({ url: '/api/incidents?awaiting=MX&limit=500', headers: { cookie: consul.cookie } });
    expect(feed.json().items.map((i: { id: string }) => i.id)).toContain(id);

    expect((await acknowledge(app, consul, id)).statusCode).toBe(200);
    const after = (await app.inject({ url: `/api/incidents/${id}`, headers: { cookie: consul.cookie } })).json();
    expect(after.status).toBe('acknowledged');
    expect((await awaitingFor(consul)).items.map((a: { incidentId: string }) => a.incidentId)).not.toContain(id);
  });

  it('writes one timeline entry per acknowledgement, even when it covers the local and the central alert', async () => {
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const app = await start(clock);
    const liaison = await signedInUser(app, officers.usLiaison);
    const consul = await signedInUser(app, officers.mxConsul);
    const { id } = await heatStroke(app, liaison, 'critical');
    clock.advance(11);
    await app.dueWork.tick();
    expect((await escalationsOf(app, id)).central).toHaveLength(1);

    await acknowledge(app, consul, id);
    await acknowledge(app, consul, id);
    const detail = (await app.inject({ url: `/api/incidents/${id}`, headers: { cookie: consul.cookie } })).json();
    const acknowledged = detail.timeline.filter((e: { kind: string }) => e.kind === 'acknowledged');
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0].data).toEqual({ government: 'MX', tiers: ['local', 'central'] });
    // Every government has the alert in hand: both tiers are settled.
    expect(detail.alerts.every((a: { settledAt: string | null }) => a.settledAt !== null)).toBe(true);
    expect(detail.status).toBe('acknowledged');
  });
});
