import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@server/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { startApp, testConfig } from '../helpers/app.js';
import { officers, signedInUser } from '../helpers/factories.js';

describe('every route says who may reach it', () => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open());
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('declares a permission, or is public, on every API route and the websocket', () => {
    const routes = app.routeAccess();
    const urls = routes.map((r) => r.url);
    // The walk sees the whole API: features, docs and the websocket.
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/incidents',
        '/api/escalations',
        '/api/audit',
        '/api/ports',
        '/api/docs/json',
        '/ws',
      ]),
    );
    expect(routes.filter((r) => !r.public && !r.permission)).toEqual([]);
    const open = routes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`);
    // Public by contract: the repatriation calendar feed (calendar clients subscribe without a session;
    // windows only, no persons) and the CAP feed and messages (issue 18: public-warning systems take them).
    expect(open.sort()).toEqual([
      'GET /api/advisories.cap',
      'GET /api/advisories/:id.cap',
      'GET /api/health',
      'GET /api/repatriation/schedule.ics',
      'HEAD /api/advisories.cap',
      'HEAD /api/advisories/:id.cap',
      'HEAD /api/health',
      'HEAD /api/repatriation/schedule.ics',
      'POST /api/auth/login',
    ]);
  });

  it('refuses to start with a route that declares neither', async () => {
    const careless = await buildApp(testConfig(), { database: await db.open() });
    careless.get('/api/forgotten', async () => ({ oops: true }));
    await expect(careless.ready()).rejects.toThrow(/GET \/api\/forgotten/);
    await careless.close();
  });

  it('answers 403 when the role lacks the route’s permission, before the handler runs', async () => {
    const consul = await signedInUser(app, officers.mxConsul);
    const central = await signedInUser(app, officers.mxCentral);
    for (const url of ['/api/escalations', '/api/investigations', '/api/audit']) {
      const res = await app.inject({ url, headers: { cookie: consul.cookie } });
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden', messageEs: 'No tiene permiso para hacer esto.' });
    }
    expect((await app.inject({ url: '/api/escalations', headers: { cookie: central.cookie } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/audit', headers: { cookie: central.cookie } })).statusCode).toBe(403);
  });
});
