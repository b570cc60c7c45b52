import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { seedDemoIncidents } from '@server/demo-incidents.js';
import { demoIncidents } from '@seeds/demo-incidents.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, signIn, startApp, testConfig } from '../helpers/app.js';

const NOW = new Date('2026-07-04T21:40:00Z');

interface Listed {
  id: string;
  demo: boolean;
  status: string;
  mechanismId: string | null;
  place?: { nearest: { town: string } | null };
}

describe(`fictional demo incidents for a newcomer (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let seeded: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    const database = await db.open();
    seeded = await seedDemoIncidents(database, testConfig(), NOW);
    app = await startApp(database, { clock: new ManualClock(NOW) });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('writes them once, through the API, marked demo, along the whole border', async () => {
    expect(seeded).toBe(demoIncidents.length);
    expect(await seedDemoIncidents(await db.open(), testConfig(), NOW)).toBe(0);

    const cookie = await signIn(app, 'supervisor.us');
    const feed = (await app.inject({ url: '/api/incidents?limit=500', headers: { cookie } })).json();
    const demo = (feed.items as Listed[]).filter((i) => i.demo);
    expect(demo).toHaveLength(demoIncidents.length);
    expect(new Set(demo.map((i) => i.mechanismId)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(demo.map((i) => i.status))).toEqual(
      new Set(['reported', 'acknowledged', 'responding', 'resolved', 'closed']),
    );
    expect(demo.every((i) => i.place?.nearest)).toBe(true);
  });

  it('leaves the history an officer would find: escalations, an investigation to follow up, alerts awaiting each side', async () => {
    const desk = await signIn(app, 'central.mx');
    const escalations = (await app.inject({ url: '/api/escalations', headers: { cookie: desk } })).json().items;
    expect(escalations.length).toBeGreaterThanOrEqual(3);
    // At least one the desks still hold (Mexico never answered), and ones settled since.
    const settled = (alerts: Array<{ settledAt: string | null }>) => alerts.every((a) => a.settledAt);
    expect(escalations.some((i: { alerts: [] }) => !settled(i.alerts))).toBe(true);
    expect(escalations.some((i: { alerts: [] }) => settled(i.alerts))).toBe(true);

    const follow = (await app.inject({ url: '/api/investigations', headers: { cookie: desk } })).json().items;
    expect(follow.map((f: { flag: string }) => f.flag)).toEqual(expect.arrayContaining(['missing', 'current']));

    const consul = await signIn(app, 'consul.tijuana');
    const mexico = (
      await app.inject({ url: '/api/incidents/awaiting-acknowledgement', headers: { cookie: consul } })
    ).json();
    expect(mexico.items).toHaveLength(1);
    const us = await signIn(app, 'supervisor.us');
    const unitedStates = (
      await app.inject({ url: '/api/incidents/awaiting-acknowledgement', headers: { cookie: us } })
    ).json();
    expect(unitedStates.items.length).toBeGreaterThanOrEqual(1);
  });
});
